import KubeClient
import KubeModel

/// Puts a manifest's objects on the cluster as `kubectl apply --server-side --force-conflicts` would,
/// falling back to create-or-replace where the cluster has no server-side apply.
struct ObjectApplier: Sendable {
  let cluster: LabCluster
  let lab: String

  /// Applies `object` and returns whether it was created (rather than changed).
  func apply(_ object: ManifestObject) async throws -> Bool {
    var ref = cluster.ref(object.type)
    ref.version = object.version
    let client = cluster.client
    var json = object.json
    let existing = try await current(ref, object)
    // A namespace that was there before the lab is not the lab's: labelling it would let `stop`
    // delete it.
    if object.type.kind == "Namespace", let existing, !LabLabel.marks(existing, lab: lab) {
      json[path: ["metadata", "labels", LabLabel.key]] = nil
    }
    do {
      _ = try await client.patch(
        ref, name: object.name, namespace: object.namespace,
        .apply(json, fieldManager: LabLabel.fieldManager, force: true))
    } catch  where error.rejectsServerSideApply {
      if let version = existing?[path: ["metadata", "resourceVersion"]] {
        json[path: ["metadata", "resourceVersion"]] = version
        _ = try await client.update(ref, json, namespace: object.namespace, fieldManager: LabLabel.fieldManager)
      } else {
        _ = try await client.create(ref, json, namespace: object.namespace, fieldManager: LabLabel.fieldManager)
      }
    }
    return existing == nil
  }

  private func current(_ ref: ResourceRef, _ object: ManifestObject) async throws -> JSON? {
    do {
      return try await cluster.client.get(ref, name: object.name, namespace: object.namespace)
    } catch  where error.isNotFound {
      return nil
    }
  }
}
