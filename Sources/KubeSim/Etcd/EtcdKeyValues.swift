import Foundation

/// Keys an etcd client wrote that are not Kubernetes objects (`etcdctl put greeting hello`). They
/// live beside the object store, share its revisions, and go into snapshots with it.
public final class EtcdKeyValues: @unchecked Sendable {
  public struct Entry: Sendable, Equatable, Codable {
    public var value: String
    public var createRevision: Int
    public var modRevision: Int
    public var version: Int
  }

  private let lock = NSLock()
  private var entries: [String: Entry] = [:]

  public init() {}

  public var all: [String: Entry] { lock.withLock { entries } }

  public func put(_ key: String, value: String, revision: Int) {
    lock.withLock {
      let previous = entries[key]
      entries[key] = Entry(
        value: value, createRevision: previous?.createRevision ?? revision, modRevision: revision,
        version: (previous?.version ?? 0) + 1)
    }
  }

  @discardableResult
  public func remove(_ key: String) -> Bool {
    lock.withLock { entries.removeValue(forKey: key) != nil }
  }

  public func replaceAll(with new: [String: Entry]) {
    lock.withLock { entries = new }
  }
}
