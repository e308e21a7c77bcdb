/// A kind of object a cluster serves, with every name kubectl accepts for it.
public struct ResourceType: Hashable, Sendable {
  /// The API group; empty for the core group.
  public var group: String
  public var version: String
  public var kind: String
  public var plural: String
  public var shortNames: [String]
  public var namespaced: Bool

  public var singular: String { kind.lowercased() }

  /// Every spelling that names this resource: plural, singular, kind, short names.
  public var names: [String] { [plural, singular, kind] + shortNames }
}
