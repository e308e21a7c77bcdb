import Foundation
import KubeModel

extension DeploymentController {
  /// Writes the counts summed over the Deployment's ReplicaSets and the Available and Progressing
  /// conditions with the real controller's reasons and messages; zero counts are omitted.
  func writeStatus(_ rollout: Rollout) {
    let deployment = rollout.deployment
    guard let deployments, let name = deployment[path: ["metadata", "name"]]?.stringValue else { return }
    let all = rollout.all
    let sum = { (field: String) in all.map { Rollout.count($0, field) }.reduce(0, +) }
    let available = sum("availableReplicas")
    let counts: [(String, Int)] = [
      ("replicas", sum("replicas")),
      ("updatedReplicas", rollout.newReplicaSet.map { Rollout.count($0, "replicas") } ?? 0),
      ("readyReplicas", sum("readyReplicas")), ("availableReplicas", available),
      ("unavailableReplicas", max(0, all.map(Rollout.specReplicas).reduce(0, +) - available)),
    ]
    var status: JSONObject = [:]
    if let generation = deployment[path: ["metadata", "generation"]] { status["observedGeneration"] = generation }
    for (field, value) in counts where value > 0 { status[field] = .int(value) }
    var conditions = deployment[path: ["status", "conditions"]]?.arrayValue ?? []
    let minimumMet = available >= rollout.desired - rollout.bounds.maxUnavailable
    set(
      &conditions, type: "Available", status: minimumMet,
      reason: minimumMet ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
      message: minimumMet ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")
    if let newName = rollout.newReplicaSet?[path: ["metadata", "name"]]?.stringValue {
      let (reason, message): (String, String)
      if rollout.isComplete {
        (reason, message) = ("NewReplicaSetAvailable", "ReplicaSet \"\(newName)\" has successfully progressed.")
      } else if rollout.createdNewReplicaSet {
        (reason, message) = ("NewReplicaSetCreated", "Created new replica set \"\(newName)\"")
      } else {
        (reason, message) = ("ReplicaSetUpdated", "ReplicaSet \"\(newName)\" is progressing.")
      }
      set(&conditions, type: "Progressing", status: true, reason: reason, message: message)
    }
    status["conditions"] = .array(conditions)
    if let collisions = deployment[path: ["status", "collisionCount"]] { status["collisionCount"] = collisions }
    guard deployment["status"].map({ $0.isSemanticallyEqual(to: .object(status)) }) != true else { return }
    _ = try? cluster.write(
      deployments, namespace: deployment[path: ["metadata", "namespace"]]?.stringValue, name: name,
      subresource: "status", options: WriteOptions(), warnings: []
    ) { current in
      var next = current
      next["status"] = .object(status)
      return next
    }
  }

  /// Replaces or adds one condition; an unchanged one keeps its times, and a new reason with the
  /// same status keeps its transition time.
  private func set(_ conditions: inout [JSON], type: String, status: Bool, reason: String, message: String) {
    let statusText: JSON = status ? "True" : "False"
    let stamp = JSON.string(APITimestamp.string(cluster.now()))
    let index = conditions.firstIndex { $0["type"]?.stringValue == type }
    let existing = index.map { conditions[$0] }
    if let existing, existing["status"] == statusText, existing["reason"]?.stringValue == reason,
      existing["message"]?.stringValue == message
    {
      return
    }
    let transition = existing?["status"] == statusText ? existing?["lastTransitionTime"] ?? stamp : stamp
    let condition: JSON = [
      "type": .string(type), "status": statusText, "lastUpdateTime": stamp, "lastTransitionTime": transition,
      "reason": .string(reason), "message": .string(message),
    ]
    if let index { conditions[index] = condition } else { conditions.append(condition) }
  }
}
