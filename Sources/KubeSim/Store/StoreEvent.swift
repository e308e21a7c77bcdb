import KubeModel

/// A change to one stored object, as watch streams report it.
public struct StoreEvent: Sendable {
  public enum Kind: String, Sendable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
  }

  public var kind: Kind
  public var resource: String
  public var namespace: String
  public var object: JSON
  /// The object before a modification, so a filtered watch can tell an object that stopped matching.
  public var previous: JSON?
  public var resourceVersion: Int
}
