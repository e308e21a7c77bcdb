import Foundation
import KubeModel

extension Kubelet {
  /// Writes the pod's status from its containers atomically, keeping each condition's transition
  /// time while its status stays the same and the fields the API server set (qosClass).
  func writeStatus(_ pod: JSON, _ key: ObjectKey, _ runtime: PodRuntime, now: Date) {
    let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
    let policy = pod[path: ["spec", "restartPolicy"]]?.stringValue ?? "Always"
    let containers = runtime.containers
    let phase = Self.phase(runtime, restartPolicy: policy)
    let ready = phase == "Running" && runtime.readinessContainers.allSatisfy(\.isReady)
    let sandboxReady =
      phase == "Pending" || phase == "Running"
      ? runtime.allContainers.contains {
        switch $0.state {
        case .waiting, .creating(_, 0): return false
        default: return true
        }
      } : false
    let unready = runtime.readinessContainers.filter { !$0.isReady }.map(\.name).joined(separator: " ")
    let incomplete = runtime.initContainers.filter { !$0.hasInitialized }.map(\.name).joined(separator: " ")
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
        runtime.isInitialized
          ? condition("Initialized", true)
          : condition(
            "Initialized", false, reason: "ContainersNotInitialized",
            message: "containers with incomplete status: [\(incomplete)]"),
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
      if !runtime.initContainers.isEmpty {
        status["initContainerStatuses"] = .array(
          runtime.initContainers.map { $0.status(podName: name, namespace: key.namespace, uid: runtime.uid) })
      }
      status["containerStatuses"] = .array(
        containers.map { $0.status(podName: name, namespace: key.namespace, uid: runtime.uid) })
      status["qosClass"] = current[path: ["status", "qosClass"]]
      var next = current
      next["status"] = .object(status)
      return next
    }
  }

  /// Failed once an init container has failed for good (under Never); Pending until the init
  /// containers have completed and an app container has started; Succeeded or Failed once every
  /// container has exited for good under OnFailure or Never; Running otherwise.
  static func phase(_ runtime: PodRuntime, restartPolicy: String) -> String {
    if runtime.initContainers.contains(where: \.hasFailed) { return "Failed" }
    guard runtime.isInitialized else { return "Pending" }
    let containers = runtime.containers
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
