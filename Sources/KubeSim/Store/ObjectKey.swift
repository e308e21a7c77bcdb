/// Where an object lives in the store: its group-qualified resource, namespace ("" when cluster-scoped) and name.
public struct ObjectKey: Hashable, Sendable, Comparable {
  public var resource: String
  public var namespace: String
  public var name: String

  public init(resource: String, namespace: String, name: String) {
    self.resource = resource
    self.namespace = namespace
    self.name = name
  }

  /// etcd orders keys by namespace then name, and lists come back in that order.
  public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
    (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
  }
}
