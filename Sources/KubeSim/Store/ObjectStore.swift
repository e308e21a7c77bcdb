import Foundation
import KubeModel

/// The sandbox's etcd: objects by key, one global resourceVersion counter, and the change feed
/// that watches read. Every method is atomic; callers never see a half-applied change.
/// `@unchecked Sendable`: its state is guarded by a recursive lock, because admission reads the store
/// while an update holds it, and watchers' callbacks run under that lock; the compiler cannot see either.
public final class ObjectStore: @unchecked Sendable {
  private let lock = NSRecursiveLock()  // admission may read the store while an update holds it
  private var buckets: [String: [ObjectKey: JSON]] = [:]
  private var currentVersion = 1
  private var history: [StoreEvent] = []
  private var watchers: [Int: Watcher] = [:]
  private var nextWatcherID = 0
  /// At least this many past events are kept for watches to resume from; older versions get 410 Expired.
  let historyLimit: Int

  struct Watcher {
    var resource: String
    var namespace: String?
    var deliver: (StoreEvent) -> Void
  }

  public init(historyLimit: Int = 10_000) {
    self.historyLimit = historyLimit
  }

  public var resourceVersion: Int { lock.withLock { currentVersion } }

  public func get(_ key: ObjectKey) -> JSON? {
    lock.withLock { buckets[key.resource]?[key] }
  }

  /// The objects of a resource in key order, with the resourceVersion the list is consistent with.
  public func list(resource: String, namespace: String?) -> (items: [JSON], resourceVersion: Int) {
    lock.withLock {
      let bucket = buckets[resource] ?? [:]
      let keys = bucket.keys.filter { namespace == nil || $0.namespace == namespace }.sorted()
      return (keys.compactMap { bucket[$0] }, currentVersion)
    }
  }

  /// Stores a new object; nil when the key is taken.
  public func insert(_ object: JSON, at key: ObjectKey) -> JSON? {
    lock.withLock {
      guard buckets[key.resource]?[key] == nil else { return nil }
      let stored = stamp(object)
      buckets[key.resource, default: [:]][key] = stored
      publish(
        StoreEvent(
          kind: .added, resource: key.resource, namespace: key.namespace, object: stored,
          previous: nil, resourceVersion: currentVersion))
      return stored
    }
  }

  public enum UpdateOutcome {
    case updated(JSON)
    case unchanged(JSON)
    case notFound
  }

  /// Reads, changes and writes one object under the lock. `change` returns the new object, or nil to
  /// leave it as it is; an identical result is not written and does not bump the resourceVersion.
  public func update(_ key: ObjectKey, _ change: (JSON) throws -> JSON?) rethrows -> UpdateOutcome {
    try lock.withLock {
      guard let current = buckets[key.resource]?[key] else { return .notFound }
      guard let changed = try change(current), changed != current else { return .unchanged(current) }
      let stored = stamp(changed)
      buckets[key.resource]?[key] = stored
      publish(
        StoreEvent(
          kind: .modified, resource: key.resource, namespace: key.namespace, object: stored,
          previous: current, resourceVersion: currentVersion))
      return .updated(stored)
    }
  }

  /// Removes an object; the DELETED event carries its last state at a new resourceVersion.
  @discardableResult
  public func remove(_ key: ObjectKey) -> JSON? {
    lock.withLock {
      guard let current = buckets[key.resource]?.removeValue(forKey: key) else { return nil }
      let final = stamp(current)
      publish(
        StoreEvent(
          kind: .deleted, resource: key.resource, namespace: key.namespace, object: final,
          previous: current, resourceVersion: currentVersion))
      return final
    }
  }

  /// Every stored object with its key, in key order, and the revision they are consistent with:
  /// what an etcd snapshot of the cluster holds.
  public func allObjects() -> (objects: [(key: ObjectKey, object: JSON)], resourceVersion: Int) {
    lock.withLock {
      let all = buckets.values.flatMap { bucket in bucket.map { (key: $0.key, object: $0.value) } }
      return (all.sorted { ($0.key.resource, $0.key) < ($1.key.resource, $1.key) }, currentVersion)
    }
  }

  /// Takes one revision for a write that is not an object (a key an etcd client put beside the
  /// cluster's objects): etcd counts every write in the same revision sequence.
  public func advanceRevision() -> Int {
    lock.withLock {
      currentVersion += 1
      return currentVersion
    }
  }

  /// Makes the stored objects exactly `objects`, as restoring an etcd snapshot does: objects that
  /// are not in it are deleted, the others written back. Watchers see each change as an event, at
  /// new resourceVersions (etcd's `--bump-revision`), so clients and controllers follow.
  public func replaceAll(with objects: [ObjectKey: JSON]) {
    lock.withLock {
      for (resource, bucket) in buckets {
        for key in bucket.keys.sorted() where objects[key] == nil {
          guard let current = buckets[resource]?.removeValue(forKey: key) else { continue }
          publish(
            StoreEvent(
              kind: .deleted, resource: resource, namespace: key.namespace, object: stamp(current),
              previous: current, resourceVersion: currentVersion))
        }
      }
      for key in objects.keys.sorted(by: { ($0.resource, $0) < ($1.resource, $1) }) {
        guard let object = objects[key] else { continue }
        let current = buckets[key.resource]?[key]
        var comparable = object
        comparable[path: ["metadata", "resourceVersion"]] = current?[path: ["metadata", "resourceVersion"]]
        if let current, current == comparable { continue }
        let stored = stamp(object)
        buckets[key.resource, default: [:]][key] = stored
        publish(
          StoreEvent(
            kind: current == nil ? .added : .modified, resource: key.resource, namespace: key.namespace,
            object: stored, previous: current, resourceVersion: currentVersion))
      }
    }
  }

  /// Every object of every resource whose owner references include `uid`.
  public func dependents(ofUID uid: String) -> [(key: ObjectKey, object: JSON)] {
    lock.withLock {
      var found: [(ObjectKey, JSON)] = []
      for bucket in buckets.values {
        for (key, object) in bucket
        where object[path: ["metadata", "ownerReferences"]]?.arrayValue?.contains(where: {
          $0["uid"]?.stringValue == uid
        }) == true {
          found.append((key, object))
        }
      }
      return found.sorted { $0.0 < $1.0 }
    }
  }

  public enum WatchStart {
    case started(id: Int)
    case expired
  }

  /// Registers a watch of `resource` (in `namespace`, or all). The events it missed are delivered
  /// first, under the same lock, so no live event can overtake them: with `since` nil the current
  /// state as ADDED events, with a version the changes after it, or `.expired` when those are gone.
  public func watch(
    resource: String, namespace: String?, since: Int?, deliver: @escaping (StoreEvent) -> Void
  ) -> WatchStart {
    lock.withLock {
      if let since {
        if since < currentVersion {
          let oldest = history.first?.resourceVersion ?? currentVersion + 1
          if since < oldest - 1 { return .expired }
          for event in history
          where event.resourceVersion > since && event.resource == resource
            && (namespace == nil || event.namespace == namespace)
          {
            deliver(event)
          }
        }
      } else {
        let bucket = buckets[resource] ?? [:]
        for key in bucket.keys.sorted() where namespace == nil || key.namespace == namespace {
          guard let object = bucket[key] else { continue }
          let version = Int(object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? currentVersion
          deliver(
            StoreEvent(
              kind: .added, resource: resource, namespace: key.namespace, object: object, previous: nil,
              resourceVersion: version))
        }
      }
      nextWatcherID += 1
      watchers[nextWatcherID] = Watcher(resource: resource, namespace: namespace, deliver: deliver)
      return .started(id: nextWatcherID)
    }
  }

  /// Forgets all but the last `count` events, as compaction does; older versions then expire.
  public func trimHistory(keeping count: Int) {
    lock.withLock { if history.count > count { history.removeFirst(history.count - count) } }
  }

  public func stopWatching(_ id: Int) {
    lock.withLock { _ = watchers.removeValue(forKey: id) }
  }

  public var watcherCount: Int { lock.withLock { watchers.count } }

  private func stamp(_ object: JSON) -> JSON {
    currentVersion += 1
    var stamped = object
    stamped[path: ["metadata", "resourceVersion"]] = .string(String(currentVersion))
    return stamped
  }

  private func publish(_ event: StoreEvent) {
    history.append(event)
    // Trim in batches of a quarter of the limit: removing from the front of an array copies the rest,
    // and doing it on every write would put a 10,000-element copy on the store's hot path.
    if history.count > historyLimit + historyLimit / 4 { history.removeFirst(history.count - historyLimit) }
    for watcher in watchers.values
    where watcher.resource == event.resource && (watcher.namespace == nil || watcher.namespace == event.namespace) {
      watcher.deliver(event)
    }
  }
}
