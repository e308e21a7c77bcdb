/// A resource of a group, written as Kubernetes messages name it: `deployments.apps`, or `pods` for
/// the core group.
public struct GroupResource: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var resource: String

  public init(group: String = "", resource: String) {
    self.group = group
    self.resource = resource
  }

  /// Parses `resource.group` (`deployments.apps`, `pods`), splitting at the first dot as
  /// `schema.ParseGroupResource` does.
  public init(parsing text: String) {
    if let dot = text.firstIndex(of: ".") {
      self.init(group: String(text[text.index(after: dot)...]), resource: String(text[..<dot]))
    } else {
      self.init(group: "", resource: text)
    }
  }

  public var isEmpty: Bool { group.isEmpty && resource.isEmpty }

  public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }
}
