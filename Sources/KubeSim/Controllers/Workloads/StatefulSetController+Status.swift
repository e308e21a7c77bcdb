import KubeModel

extension StatefulSetController {
  /// Writes the replica counts and the current and update revisions: the current revision moves to
  /// the update revision once no pod runs the older template.
  func writeStatus(_ set: JSON, pods: [JSON], revision: String) {
    guard let setsType, let name = set[path: ["metadata", "name"]]?.stringValue else { return }
    let live = pods.filter { $0[path: ["metadata", "deletionTimestamp"]] == nil }
    let previousCurrent = set[path: ["status", "currentRevision"]]?.stringValue
    let current =
      previousCurrent.flatMap { old in live.contains { $0.labelMap[Self.revisionLabel] == old } ? old : nil }
      ?? revision
    let ready = live.filter(PodReadiness.isReady).count
    var status: JSONObject = [
      "observedGeneration": set[path: ["metadata", "generation"]] ?? 1, "replicas": .int(live.count),
    ]
    if ready > 0 { status["readyReplicas"] = .int(ready) }
    let currentCount = live.filter { $0.labelMap[Self.revisionLabel] == current }.count
    if currentCount > 0 { status["currentReplicas"] = .int(currentCount) }
    let updated = live.filter { $0.labelMap[Self.revisionLabel] == revision }.count
    if updated > 0 { status["updatedReplicas"] = .int(updated) }
    status["currentRevision"] = .string(current)
    status["updateRevision"] = .string(revision)
    status["collisionCount"] = 0
    status["availableReplicas"] = .int(ready)
    let key = cluster.key(setsType, namespace: set[path: ["metadata", "namespace"]]?.stringValue, name: name)
    // The store leaves an identical object alone, so an unchanged status writes nothing.
    _ = cluster.store.update(key) { current in
      var next = current
      next["status"] = .object(status)
      return next
    }
  }
}
