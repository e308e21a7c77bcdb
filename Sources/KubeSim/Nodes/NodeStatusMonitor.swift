import Foundation
import KubeModel

/// kube-controller-manager's node lifecycle controller, for kubelets the learner stops: a node
/// whose kubelet has not posted status for the node-monitor grace period turns NotReady, its
/// conditions Unknown ("Kubelet stopped posting node status.") and tainted unreachable. A kubelet
/// that runs again reports Ready within seconds and the taints go.
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class NodeStatusMonitor: @unchecked Sendable {
  static let unreachable = "node.kubernetes.io/unreachable"
  static let pressureConditions = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]
  static let readyReasons = [
    "MemoryPressure": ("KubeletHasSufficientMemory", "kubelet has sufficient memory available", "False"),
    "DiskPressure": ("KubeletHasNoDiskPressure", "kubelet has no disk pressure", "False"),
    "PIDPressure": ("KubeletHasSufficientPID", "kubelet has sufficient PID available", "False"),
    "Ready": ("KubeletReady", "kubelet is posting ready status", "True"),
  ]

  private let cluster: Cluster
  private let services: NodeServices
  private let gracePeriod: TimeInterval

  init(cluster: Cluster, services: NodeServices, gracePeriod: TimeInterval) {
    self.cluster = cluster
    self.services = services
    self.gracePeriod = gracePeriod
  }

  /// On the cluster queue: the node's kubelet started or stopped.
  func kubeletChanged(_ node: String) {
    guard let unit = services.unit("kubelet", on: node) else { return }
    if unit.isRunning {
      markReady(node)
      return
    }
    cluster.schedule(after: gracePeriod) { [weak self] in
      guard let self, let unit = self.services.unit("kubelet", on: node), !unit.isRunning else { return }
      self.markUnknown(node)
    }
  }

  private func markUnknown(_ node: String) {
    let now = APITimestamp.string(cluster.now())
    update(node) { object in
      var object = object
      let conditions = (object[path: ["status", "conditions"]]?.arrayValue ?? []).map { condition -> JSON in
        guard let type = condition["type"]?.stringValue, Self.pressureConditions.contains(type),
          condition["status"]?.stringValue != "Unknown"
        else { return condition }
        var condition = condition
        condition["status"] = "Unknown"
        condition["reason"] = "NodeStatusUnknown"
        condition["message"] = "Kubelet stopped posting node status."
        condition["lastTransitionTime"] = .string(now)
        return condition
      }
      object[path: ["status", "conditions"]] = .array(conditions)
      var taints = (object[path: ["spec", "taints"]]?.arrayValue ?? []).filter {
        $0["key"]?.stringValue != Self.unreachable
      }
      taints.append(["effect": "NoSchedule", "key": .string(Self.unreachable), "timeAdded": .string(now)])
      taints.append(["effect": "NoExecute", "key": .string(Self.unreachable), "timeAdded": .string(now)])
      object[path: ["spec", "taints"]] = .array(taints)
      return object
    }
  }

  private func markReady(_ node: String) {
    let now = APITimestamp.string(cluster.now())
    update(node) { object in
      var object = object
      let conditions = (object[path: ["status", "conditions"]]?.arrayValue ?? []).map { condition -> JSON in
        var condition = condition
        guard let type = condition["type"]?.stringValue, let ready = Self.readyReasons[type] else { return condition }
        condition["lastHeartbeatTime"] = .string(now)
        if condition["status"]?.stringValue == "Unknown" {
          condition["status"] = .string(ready.2)
          condition["reason"] = .string(ready.0)
          condition["message"] = .string(ready.1)
          condition["lastTransitionTime"] = .string(now)
        }
        return condition
      }
      object[path: ["status", "conditions"]] = .array(conditions)
      let taints = (object[path: ["spec", "taints"]]?.arrayValue ?? []).filter {
        $0["key"]?.stringValue != Self.unreachable
      }
      object[path: ["spec", "taints"]] = taints.isEmpty ? nil : .array(taints)
      return object
    }
  }

  private func update(_ node: String, _ change: (JSON) -> JSON) {
    _ = cluster.store.update(ObjectKey(resource: "nodes", namespace: "", name: node)) { change($0) }
  }
}
