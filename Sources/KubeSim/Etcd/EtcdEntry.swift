/// One key of the cluster's etcd as a client reads it: a Kubernetes object under /registry, or a
/// key a client put.
public struct EtcdEntry: Sendable, Equatable {
  public var key: String
  public var value: String
  public var createRevision: Int
  public var modRevision: Int
  public var version: Int
}
