import KubeModel

/// The PersistentVolume controller's binding loop (kube-controller-manager): a Pending claim gets
/// the smallest Available volume that fits it (same storage class, its access modes, enough
/// capacity, the same volume mode, its selector's labels), or the volume it names; both are then
/// Bound to each other. A claim's deletion releases its volume as the reclaim policy says. With no
/// provisioner in the sandbox, a claim nothing fits stays Pending.
final class VolumeBinder: Controller {
  let cluster: Cluster
  let watchedResources = ["persistentvolumes", "persistentvolumeclaims"]

  init(cluster: Cluster) {
    self.cluster = cluster
  }

  func handle(_ event: StoreEvent) {
    if event.resource == "persistentvolumeclaims", event.kind == .deleted {
      release(claim: event.object)
      return
    }
    if event.resource == "persistentvolumes", event.kind == .added,
      event.object[path: ["spec", "claimRef"]] == nil, event.object[path: ["status", "phase"]]?.stringValue == nil
    {
      setPhase(volume: event.object, "Available")
    }
    for claim in cluster.store.list(resource: "persistentvolumeclaims", namespace: nil).items
    where claim[path: ["status", "phase"]]?.stringValue != "Bound"
      && claim[path: ["metadata", "deletionTimestamp"]] == nil
    {
      bind(claim)
    }
  }

  private func bind(_ claim: JSON) {
    let volumes = cluster.store.list(resource: "persistentvolumes", namespace: nil).items
    let named = claim[path: ["spec", "volumeName"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    let candidates = volumes.filter { volume in
      if let named { return volume[path: ["metadata", "name"]]?.stringValue == named }
      return Self.isFree(volume, for: claim) && Self.fits(volume, claim)
    }
    guard
      let volume = candidates.min(by: {
        (ResourceQuantity.value($0[path: ["spec", "capacity", "storage"]]) ?? 0)
          < (ResourceQuantity.value($1[path: ["spec", "capacity", "storage"]]) ?? 0)
      }), let volumeName = volume[path: ["metadata", "name"]]?.stringValue
    else { return }
    let now = APITimestamp.string(cluster.now())
    _ = cluster.store.update(ObjectKey(resource: "persistentvolumes", namespace: "", name: volumeName)) { current in
      var bound = current
      bound[path: ["spec", "claimRef"]] = [
        "kind": "PersistentVolumeClaim", "apiVersion": "v1", "namespace": claim[path: ["metadata", "namespace"]] ?? "",
        "name": claim[path: ["metadata", "name"]] ?? "", "uid": claim[path: ["metadata", "uid"]] ?? "",
        "resourceVersion": claim[path: ["metadata", "resourceVersion"]] ?? "",
      ]
      bound[path: ["metadata", "annotations", "pv.kubernetes.io/bound-by-controller"]] = "yes"
      bound[path: ["status", "phase"]] = "Bound"
      bound[path: ["status", "lastPhaseTransitionTime"]] = .string(now)
      return bound
    }
    _ = cluster.store.update(
      ObjectKey(
        resource: "persistentvolumeclaims", namespace: claim[path: ["metadata", "namespace"]]?.stringValue ?? "",
        name: claim[path: ["metadata", "name"]]?.stringValue ?? "")
    ) { current in
      var bound = current
      bound[path: ["spec", "volumeName"]] = .string(volumeName)
      bound[path: ["metadata", "annotations", "pv.kubernetes.io/bind-completed"]] = "yes"
      if named == nil { bound[path: ["metadata", "annotations", "pv.kubernetes.io/bound-by-controller"]] = "yes" }
      bound[path: ["status", "phase"]] = "Bound"
      bound[path: ["status", "accessModes"]] = volume[path: ["spec", "accessModes"]] ?? []
      bound[path: ["status", "capacity"]] = volume[path: ["spec", "capacity"]] ?? [:]
      return bound
    }
  }

  /// Not bound to another claim (a volume may be reserved for this one by its claimRef).
  private static func isFree(_ volume: JSON, for claim: JSON) -> Bool {
    guard let reference = volume[path: ["spec", "claimRef"]] else {
      return (volume[path: ["status", "phase"]]?.stringValue ?? "Available") == "Available"
    }
    return reference["name"] == claim[path: ["metadata", "name"]]
      && reference["namespace"] == claim[path: ["metadata", "namespace"]]
  }

  private static func fits(_ volume: JSON, _ claim: JSON) -> Bool {
    let volumeClass = volume[path: ["spec", "storageClassName"]]?.stringValue ?? ""
    let claimClass = claim[path: ["spec", "storageClassName"]]?.stringValue ?? ""
    let modes = Set((volume[path: ["spec", "accessModes"]]?.arrayValue ?? []).compactMap(\.stringValue))
    let wanted = (claim[path: ["spec", "accessModes"]]?.arrayValue ?? []).compactMap(\.stringValue)
    let capacity = ResourceQuantity.value(volume[path: ["spec", "capacity", "storage"]]) ?? 0
    let request = ResourceQuantity.value(claim[path: ["spec", "resources", "requests", "storage"]]) ?? 0
    let labels = volume[path: ["metadata", "labels"]]?.objectValue ?? [:]
    let selected = (claim[path: ["spec", "selector", "matchLabels"]]?.objectValue ?? [:]).allSatisfy {
      labels[$0.key] == $0.value
    }
    return volumeClass == claimClass && wanted.allSatisfy(modes.contains) && capacity >= request
      && (volume[path: ["spec", "volumeMode"]]?.stringValue ?? "Filesystem")
        == (claim[path: ["spec", "volumeMode"]]?.stringValue ?? "Filesystem")
      && selected
  }

  /// The claim is gone: Retain keeps the volume (Released, its data untouched), Recycle frees it,
  /// and Delete fails, since no plugin here can delete a volume someone created by hand.
  private func release(claim: JSON) {
    for volume in cluster.store.list(resource: "persistentvolumes", namespace: nil).items {
      guard let reference = volume[path: ["spec", "claimRef"]], reference["uid"] == claim[path: ["metadata", "uid"]],
        let name = volume[path: ["metadata", "name"]]?.stringValue
      else { continue }
      let policy = volume[path: ["spec", "persistentVolumeReclaimPolicy"]]?.stringValue ?? "Retain"
      _ = cluster.store.update(ObjectKey(resource: "persistentvolumes", namespace: "", name: name)) { current in
        var released = current
        switch policy {
        case "Recycle":
          released[path: ["spec", "claimRef"]] = nil
          released[path: ["status", "phase"]] = "Available"
        case "Delete":
          released[path: ["status", "phase"]] = "Failed"
          released[path: ["status", "message"]] = .string(
            "error getting deleter volume plugin for volume \"\(name)\": no deletable volume plugin matched")
        default:
          released[path: ["status", "phase"]] = "Released"
        }
        return released
      }
    }
  }

  private func setPhase(volume: JSON, _ phase: String) {
    guard let name = volume[path: ["metadata", "name"]]?.stringValue else { return }
    _ = cluster.store.update(ObjectKey(resource: "persistentvolumes", namespace: "", name: name)) { current in
      var changed = current
      changed[path: ["status", "phase"]] = .string(phase)
      return changed
    }
  }
}
