import Foundation
import KubeModel

extension Cluster {
  /// DELETE: removes an object now, or marks it for deletion when a grace period or finalizers keep
  /// it for a while; dependents follow the propagation policy.
  @discardableResult
  public func delete(_ resource: ServedResource, namespace: String?, name: String, options: DeleteOptions = .init())
    throws -> JSON
  {
    let key = key(resource, namespace: namespace, name: name)
    guard let current = store.get(key) else { throw APIError.notFound(resource, name: name) }
    if let uid = options.preconditionUID, uid != current[path: ["metadata", "uid"]]?.stringValue {
      let actual = current[path: ["metadata", "uid"]]?.stringValue ?? ""
      throw APIError.conflict(
        resource, name: name, reason: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(actual)")
    }
    if let version = options.preconditionResourceVersion,
      version != current[path: ["metadata", "resourceVersion"]]?.stringValue
    {
      throw APIError.conflict(resource, name: name)
    }
    if options.dryRun { return current }
    let grace = gracePeriod(resource, current, options)
    let finalizers = current[path: ["metadata", "finalizers"]]?.arrayValue ?? []
    let isNamespace = resource.groupResource == "namespaces"
    if grace > 0 || !finalizers.isEmpty || isNamespace {
      return try markForDeletion(resource, key, grace: grace, options: options)
    }
    guard let removed = store.remove(key) else { throw APIError.notFound(resource, name: name) }
    collectDependents(of: removed, propagation: options.propagation ?? .background)
    return removed
  }

  /// Pods on a node get their grace period (the kubelet stops them); other objects go at once.
  func gracePeriod(_ resource: ServedResource, _ object: JSON, _ options: DeleteOptions) -> Int {
    guard resource.groupResource == "pods", object[path: ["spec", "nodeName"]]?.stringValue?.isEmpty == false,
      object[path: ["status", "phase"]]?.stringValue != "Succeeded",
      object[path: ["status", "phase"]]?.stringValue != "Failed"
    else { return 0 }
    return options.gracePeriodSeconds ?? object[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue ?? 30
  }

  private func markForDeletion(_ resource: ServedResource, _ key: ObjectKey, grace: Int, options: DeleteOptions) throws
    -> JSON
  {
    let outcome = store.update(key) { current in
      guard current[path: ["metadata", "deletionTimestamp"]] == nil else { return nil }
      var marked = current
      marked[path: ["metadata", "deletionTimestamp"]] = .string(
        APITimestamp.string(now().addingTimeInterval(TimeInterval(grace))))
      marked[path: ["metadata", "deletionGracePeriodSeconds"]] = .int(grace)
      if resource.groupResource == "namespaces" { marked[path: ["status", "phase"]] = "Terminating" }
      if options.propagation == .foreground {
        var finalizers = marked[path: ["metadata", "finalizers"]]?.arrayValue ?? []
        if !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
        marked[path: ["metadata", "finalizers"]] = .array(finalizers)
      }
      return marked
    }
    let marked: JSON
    switch outcome {
    case .notFound: throw APIError.notFound(resource, name: key.name)
    case .unchanged(let object), .updated(let object): marked = object
    }
    let delay = min(TimeInterval(grace), maximumGracePeriod)
    schedule(after: delay) { [weak self] in
      self?.completeDeletion(resource, key, propagation: options.propagation ?? .background)
    }
    return marked
  }

  /// Ends a graceful deletion: a namespace first empties, a foreground owner first loses its
  /// dependents, then the object goes unless other finalizers still hold it.
  func completeDeletion(_ resource: ServedResource, _ key: ObjectKey, propagation: DeleteOptions.Propagation) {
    guard let current = store.get(key), current[path: ["metadata", "deletionTimestamp"]] != nil else { return }
    if resource.groupResource == "namespaces", !emptyNamespace(key.name) {
      schedule(after: namespaceRecheckInterval) { [weak self] in
        self?.completeDeletion(resource, key, propagation: propagation)
      }
      return
    }
    if propagation == .foreground, let uid = current[path: ["metadata", "uid"]]?.stringValue {
      deleteDependents(uid: uid, propagation: .foreground)
      _ = store.update(key) { object in
        var released = object
        let remaining = (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).filter {
          $0 != "foregroundDeletion"
        }
        released[path: ["metadata", "finalizers"]] = remaining.isEmpty ? nil : .array(remaining)
        return released
      }
    }
    guard let latest = store.get(key), (latest[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty,
      let removed = store.remove(key)
    else { return }
    collectDependents(of: removed, propagation: propagation)
  }

  /// How often a terminating namespace looks again whether its contents have gone.
  private var namespaceRecheckInterval: TimeInterval { 0.25 }

  /// Deletes what a terminating namespace still holds, pods through their graceful deletion as
  /// the namespace controller does; true once nothing is left.
  private func emptyNamespace(_ namespace: String) -> Bool {
    var empty = true
    for contained in catalog.allResources where contained.namespaced {
      for object in store.list(resource: contained.groupResource, namespace: namespace).items {
        empty = false
        guard object[path: ["metadata", "deletionTimestamp"]] == nil,
          let name = object[path: ["metadata", "name"]]?.stringValue
        else { continue }
        _ = try? delete(contained, namespace: namespace, name: name)
      }
    }
    return empty
  }

  /// After an update: an object marked for deletion whose last finalizer was removed goes now.
  func finalizeIfReleased(_ resource: ServedResource, _ object: JSON) {
    guard object[path: ["metadata", "deletionTimestamp"]] != nil,
      (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty,
      resource.groupResource != "pods", resource.groupResource != "namespaces",
      let name = object[path: ["metadata", "name"]]?.stringValue
    else { return }
    let key = key(resource, namespace: object[path: ["metadata", "namespace"]]?.stringValue, name: name)
    if let removed = store.remove(key) { collectDependents(of: removed, propagation: .background) }
  }

  /// The garbage collector's part: dependents of a removed owner are deleted, or orphaned.
  func collectDependents(of owner: JSON, propagation: DeleteOptions.Propagation) {
    guard let uid = owner[path: ["metadata", "uid"]]?.stringValue else { return }
    if propagation == .orphan {
      for (key, _) in store.dependents(ofUID: uid) {
        _ = store.update(key) { object in
          var orphan = object
          let references = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter {
            $0["uid"]?.stringValue != uid
          }
          orphan[path: ["metadata", "ownerReferences"]] = references.isEmpty ? nil : .array(references)
          return orphan
        }
      }
      return
    }
    deleteDependents(uid: uid, propagation: .background)
  }

  private func deleteDependents(uid: String, propagation: DeleteOptions.Propagation) {
    for (key, object) in store.dependents(ofUID: uid) {
      guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue,
        let resource = catalog.resource(apiVersion: apiVersion, kind: kind)
      else { continue }
      _ = try? delete(
        resource, namespace: key.namespace, name: key.name, options: DeleteOptions(propagation: propagation))
    }
  }

  /// DELETE on a collection: deletes every object the selectors match and returns them as a list.
  public func deleteCollection(
    _ resource: ServedResource, namespace: String?, matching: (JSON) -> Bool, options: DeleteOptions
  ) throws -> [JSON] {
    var deleted: [JSON] = []
    for object in list(resource, namespace: namespace).items where matching(object) {
      guard let name = object[path: ["metadata", "name"]]?.stringValue else { continue }
      if let result = try? delete(resource, namespace: namespace, name: name, options: options) {
        deleted.append(result)
      }
    }
    return deleted
  }
}
