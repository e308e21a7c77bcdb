import KubeModel

/// One Deployment's state during a sync: its ReplicaSet of the current template (if made yet) and
/// the older ones, updated as the sync scales them.
struct Rollout {
  var deployment: JSON
  var newReplicaSet: JSON?
  var oldReplicaSets: [JSON]
  /// Set when this sync created the new ReplicaSet (the Progressing condition says so).
  var createdNewReplicaSet = false

  var desired: Int { deployment[path: ["spec", "replicas"]]?.intValue ?? 1 }
  var bounds: RollingUpdateBounds { RollingUpdateBounds(deployment: deployment) }
  var all: [JSON] { oldReplicaSets + (newReplicaSet.map { [$0] } ?? []) }

  static func specReplicas(_ replicaSet: JSON) -> Int { replicaSet[path: ["spec", "replicas"]]?.intValue ?? 0 }
  static func count(_ replicaSet: JSON, _ field: String) -> Int { replicaSet[path: ["status", field]]?.intValue ?? 0 }

  /// What `kubectl rollout status` waits for: every replica updated and available, none left over.
  var isComplete: Bool {
    guard let newReplicaSet else { return false }
    let updated = Self.count(newReplicaSet, "replicas")
    let total = all.map { Self.count($0, "replicas") }.reduce(0, +)
    let available = all.map { Self.count($0, "availableReplicas") }.reduce(0, +)
    return updated == desired && total == desired && available == desired
  }
}
