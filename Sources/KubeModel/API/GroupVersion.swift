/// An API group and version, written `apps/v1`, or just `v1` for the core group.
public struct GroupVersion: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var version: String

  public init(group: String, version: String) {
    self.group = group
    self.version = version
  }

  /// Parses an apiVersion as `schema.ParseGroupVersion` does: `v1`, `apps/v1`; empty or `/` is the
  /// empty group version.
  public init(parsing text: String) throws {
    if text.isEmpty || text == "/" {
      self.init(group: "", version: "")
      return
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    switch parts.count {
    case 1: self.init(group: "", version: parts[0])
    case 2: self.init(group: parts[0], version: parts[1])
    default: throw APIIdentifierError("unexpected GroupVersion string: \(text)")
    }
  }

  /// The apiVersion string: `v1` for the core group, `apps/v1` otherwise.
  public var description: String { group.isEmpty ? version : "\(group)/\(version)" }

  public func withKind(_ kind: String) -> GroupVersionKind {
    GroupVersionKind(group: group, version: version, kind: kind)
  }

  public func withResource(_ resource: String) -> GroupVersionResource {
    GroupVersionResource(group: group, version: version, resource: resource)
  }
}
