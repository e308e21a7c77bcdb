/// A kind of a group, written `Deployment.apps`, or `Pod` for the core group.
public struct GroupKind: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var kind: String

  public init(group: String = "", kind: String) {
    self.group = group
    self.kind = kind
  }

  public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
