import Foundation
import KubeModel

extension ReplicaSetController {
  /// Writes replicas, fullyLabeledReplicas, readyReplicas, availableReplicas and
  /// observedGeneration as the owner's pods stand; zero counts other than replicas are omitted as the
  /// real API omits them. Pods ready but not yet for `minReadySeconds` bring a later look.
  func writeStatus(_ owner: JSON, _ kind: ServedResource, pods: [JSON]) {
    let now = cluster.now()
    let minReadySeconds = owner[path: ["spec", "minReadySeconds"]]?.intValue ?? 0
    let active = pods.filter(PodReadiness.isActive)
    let templateLabels = owner[path: ["spec", "template"]]?.labelMap ?? [:]
    let fullyLabeled = active.filter { pod in templateLabels.allSatisfy { pod.labelMap[$0.key] == $0.value } }
    let ready = active.filter(PodReadiness.isReady)
    let available = ready.filter { PodReadiness.isAvailable($0, minReadySeconds: minReadySeconds, now: now) }
    var status: JSONObject = ["replicas": .int(active.count)]
    if !fullyLabeled.isEmpty { status["fullyLabeledReplicas"] = .int(fullyLabeled.count) }
    if !ready.isEmpty { status["readyReplicas"] = .int(ready.count) }
    if !available.isEmpty { status["availableReplicas"] = .int(available.count) }
    if let generation = owner[path: ["metadata", "generation"]] { status["observedGeneration"] = generation }
    for (key, value) in owner["status"]?.objectValue ?? [:] where key == "conditions" { status[key] = value }
    let waits = ready.compactMap(PodReadiness.readySince).map {
      $0.addingTimeInterval(TimeInterval(minReadySeconds)).timeIntervalSince(now)
    }.filter { $0 > 0 }
    if let wait = waits.min() { wake(owner, kind, after: wait) }
    guard let name = owner[path: ["metadata", "name"]]?.stringValue,
      owner["status"].map({ $0.isSemanticallyEqual(to: .object(status)) }) != true
    else { return }
    _ = try? cluster.write(
      kind, namespace: owner[path: ["metadata", "namespace"]]?.stringValue, name: name, subresource: "status",
      options: WriteOptions(), warnings: []
    ) { current in
      var next = current
      next["status"] = .object(status)
      return next
    }
  }

  /// Looks at the owner again once its next ready pod has been ready for `minReadySeconds`.
  private func wake(_ owner: JSON, _ kind: ServedResource, after wait: TimeInterval) {
    guard let uid = owner[path: ["metadata", "uid"]]?.stringValue,
      let name = owner[path: ["metadata", "name"]]?.stringValue, pendingWakes.insert(uid).inserted
    else { return }
    let namespace = owner[path: ["metadata", "namespace"]]?.stringValue
    cluster.schedule(after: wait) { [weak self] in
      guard let self else { return }
      self.pendingWakes.remove(uid)
      if let latest = try? self.cluster.get(kind, namespace: namespace, name: name) { self.sync(latest, kind) }
    }
  }
}
