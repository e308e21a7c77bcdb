import Foundation
import KubeModel

/// The cluster as etcd holds it: every object under its /registry key, and the keys clients put.
extension Cluster {
  /// Every key, in etcd's byte order, with the revision they are consistent with.
  public func etcdEntries() -> (entries: [EtcdEntry], revision: Int) {
    let (objects, revision) = store.allObjects()
    var byKey: [String: EtcdEntry] = [:]
    for (key, object) in objects {
      let modified = Int(object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? revision
      var stored = object
      // The API server keeps the resourceVersion out of the value: etcd's mod_revision is it.
      stored[path: ["metadata", "resourceVersion"]] = nil
      let etcdKey = EtcdRegistryKey.key(for: key)
      byKey[etcdKey] = EtcdEntry(
        key: etcdKey, value: stored.serialized(), createRevision: modified, modRevision: modified, version: 1)
    }
    for (key, entry) in etcdKeys.all {
      byKey[key] = EtcdEntry(
        key: key, value: entry.value, createRevision: entry.createRevision, modRevision: entry.modRevision,
        version: entry.version)
    }
    let sorted = byKey.values.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    return (sorted, max(revision, store.resourceVersion))
  }

  /// Writes a client's key; returns the revision of the write.
  @discardableResult
  public func etcdPut(_ key: String, value: String) -> Int {
    let revision = store.advanceRevision()
    etcdKeys.put(key, value: value, revision: revision)
    return revision
  }

  /// Deletes keys; a /registry key of an object deletes the object at once, as deleting it from
  /// etcd behind the API server's back does. Returns how many keys went.
  public func etcdDelete(_ keys: [String]) -> Int {
    let wanted = Set(keys)
    var deleted = 0
    for (key, _) in store.allObjects().objects where wanted.contains(EtcdRegistryKey.key(for: key)) {
      if store.remove(key) != nil { deleted += 1 }
    }
    for key in wanted where etcdKeys.remove(key) { deleted += 1 }
    return deleted
  }

  /// What `etcdctl snapshot save` captures: every object, every client key, the revision.
  public func etcdSnapshot() -> EtcdSnapshot {
    let (objects, revision) = store.allObjects()
    return EtcdSnapshot(
      revision: revision, objects: objects.map { EtcdSnapshot.StoredObject(key: $0.key, object: $0.object) },
      keyValues: etcdKeys.all)
  }

  /// Brings the cluster back to a snapshot, as etcd restarted on a restored data directory does:
  /// exactly the snapshot's objects and keys, nothing made after it. Control-plane static pods
  /// come back from their manifests, as on a real node.
  public func restore(from snapshot: EtcdSnapshot) {
    var objects: [ObjectKey: JSON] = [:]
    for stored in snapshot.objects { objects[stored.key] = stored.object }
    store.replaceAll(with: objects)
    etcdKeys.replaceAll(with: snapshot.keyValues)
  }
}
