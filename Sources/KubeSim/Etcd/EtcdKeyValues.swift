import Synchronization

/// Keys an etcd client wrote that are not Kubernetes objects (`etcdctl put greeting hello`). They
/// live beside the object store, share its revisions, and go into snapshots with it.
public final class EtcdKeyValues: Sendable {
  public struct Entry: Sendable, Equatable, Codable {
    public var value: String
    public var createRevision: Int
    public var modRevision: Int
    public var version: Int
  }

  private let entries = Mutex<[String: Entry]>([:])

  public init() {}

  public var all: [String: Entry] { entries.withLock { $0 } }

  public func put(_ key: String, value: String, revision: Int) {
    entries.withLock { entries in
      let previous = entries[key]
      entries[key] = Entry(
        value: value, createRevision: previous?.createRevision ?? revision, modRevision: revision,
        version: (previous?.version ?? 0) + 1)
    }
  }

  @discardableResult
  public func remove(_ key: String) -> Bool {
    entries.withLock { $0.removeValue(forKey: key) != nil }
  }

  public func replaceAll(with new: [String: Entry]) {
    entries.withLock { $0 = new }
  }
}
