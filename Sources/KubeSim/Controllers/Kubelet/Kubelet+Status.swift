import Foundation
import KubeModel

extension Kubelet {
  /// Writes the pod's status from its containers atomically, keeping each condition's transition
  /// time while its status stays the same and the fields the API server set (qosClass).
  func writeStatus(_ pod: JSON, _ key: ObjectKey, _ runtime: PodRuntime, now: Date) {
    let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
    let policy = pod[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always"
    let containers = runtime.containers
    let phase = Self.phase(containers, restartPolicy: policy)
    let ready = phase == "Running" && containers.allSatisfy(\.isRunning)
    let sandboxReady =
      phase == "Pending" || phase == "Running"
      ? containers.contains { if case .creating(_, 0) = $0.state { return false } else { return true } } : false
    let unready = containers.filter { !$0.isRunning }.map(\.name).joined(separator: " ")
    let completed = phase == "Succeeded" || phase == "Failed"
    _ = cluster.store.update(key) { current in
      let previous = current[path: ["status", "conditions"]]?.arrayValue ?? []
      func condition(_ type: String, _ status: Bool, reason: String? = nil, message: String? = nil) -> JSON {
        let earlier = previous.first { $0["type"]?.stringValue == type }
        let text = status ? "True" : "False"
        var entry: JSONObject = ["type": .string(type), "status": .string(text), "lastProbeTime": nil]
        entry["lastTransitionTime"] =
          earlier?["status"]?.stringValue == text
          ? earlier?["lastTransitionTime"] ?? .string(APITimestamp.string(now)) : .string(APITimestamp.string(now))
        if let reason { entry["reason"] = .string(reason) }
        if let message { entry["message"] = .string(message) }
        return .object(entry)
      }
      let notReady = completed ? "PodCompleted" : "ContainersNotReady"
      let notReadyMessage = completed ? nil : "containers with unready status: [\(unready)]"
      var status: JSONObject = [:]
      status["phase"] = .string(phase)
      status["conditions"] = [
        condition("PodReadyToStartContainers", sandboxReady),
        condition("Initialized", true),
        ready ? condition("Ready", true) : condition("Ready", false, reason: notReady, message: notReadyMessage),
        ready
          ? condition("ContainersReady", true)
          : condition("ContainersReady", false, reason: notReady, message: notReadyMessage),
        condition("PodScheduled", true),
      ]
      status["hostIP"] = .string(runtime.hostIP)
      status["hostIPs"] = [["ip": .string(runtime.hostIP)]]
      status["podIP"] = .string(runtime.podIP)
      status["podIPs"] = [["ip": .string(runtime.podIP)]]
      status["startTime"] = .string(APITimestamp.string(runtime.startTime))
      status["containerStatuses"] = .array(
        containers.map { $0.status(podName: name, namespace: key.namespace, uid: runtime.uid) })
      status["qosClass"] = current[path: ["status", "qosClass"]]
      var next = current
      next["status"] = .object(status)
      return next
    }
  }

  /// Pending until a container has started; Succeeded or Failed once every container has exited
  /// for good under OnFailure or Never; Running otherwise.
  static func phase(_ containers: [ContainerRuntime], restartPolicy: String) -> String {
    let exitCodes = containers.compactMap { container -> Int? in
      guard case .terminated(let info, nil) = container.state else { return nil }
      return info["exitCode"]?.intValue
    }
    if restartPolicy != "Always", !containers.isEmpty, exitCodes.count == containers.count {
      return exitCodes.allSatisfy { $0 == 0 } ? "Succeeded" : "Failed"
    }
    return containers.contains(where: \.hasStarted) ? "Running" : "Pending"
  }
}
