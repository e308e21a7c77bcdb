import Foundation
import KubeModel

/// Pods: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES.
///
/// STATUS, READY and RESTARTS follow the API server's `printPod` step by step, because learners read
/// these exact words (`Init:0/1`, `CrashLoopBackOff`, `Completed`, `Terminating`) to answer questions.
enum PodPrinter {
  static let printer = TablePrinter(
    columns: [
      .name,
      .text("Ready", "Ready containers out of all containers of the pod."),
      .text("Status", "Aggregate status of the pod's containers."),
      .text("Restarts", "Container restarts, and how long ago the last one happened."),
      .age,
      .text("IP", "The pod's first IP address.", wide: true),
      .text("Node", "The node the pod is scheduled to.", wide: true),
      .text("Nominated Node", "The node the scheduler nominated after preemption.", wide: true),
      .text("Readiness Gates", "Readiness gates whose condition is true, out of all gates.", wide: true),
    ],
    row: { pod, now in row(pod, now: now) })

  private static func row(_ pod: PrintedObject, now: Date) -> TableRow {
    let status = PodStatusSummary(pod)
    var restarts = String(status.restarts)
    if status.restarts != 0, let lastRestart = status.lastRestart {
      restarts += " (\(HumanDuration.since(lastRestart, now: now)) ago)"
    }
    let cells: [JSON] = [
      .string(pod.name), .string("\(status.readyContainers)/\(status.totalContainers)"),
      .string(status.reason), .string(restarts), pod.age(at: now),
      .string(orNone(podIP(pod))), .string(orNone(pod["spec", "nodeName"].string)),
      .string(orNone(pod["status", "nominatedNodeName"].string)), .string(readinessGates(pod)),
    ]
    return TableRow(cells: cells, conditions: completionConditions(phase: pod["status", "phase"].string))
  }

  // The API's conversion fills podIPs from the legacy podIP field, so fall back to it.
  private static func podIP(_ pod: PrintedObject) -> String {
    pod["status", "podIPs"].items.first?["ip"].string ?? pod["status", "podIP"].string
  }

  private static func readinessGates(_ pod: PrintedObject) -> String {
    let gates = pod["spec", "readinessGates"].items
    guard !gates.isEmpty else { return "<none>" }
    let conditions = pod["status", "conditions"].items
    let passed = gates.filter { gate in
      conditions.first { $0["type"].string == gate["conditionType"].string }?["status"].string == "True"
    }
    return "\(passed.count)/\(gates.count)"
  }

  // Finished pods are marked so clients may give them less visual weight.
  private static func completionConditions(phase: String) -> [JSON] {
    let message: String
    switch phase {
    case "Succeeded": message = "The pod has completed successfully."
    case "Failed": message = "The pod failed."
    default: return []
    }
    return [["type": "Completed", "status": "True", "reason": .string(phase), "message": .string(message)]]
  }

  private static func orNone(_ text: String) -> String { text.isEmpty ? "<none>" : text }
}

/// The READY, STATUS and RESTARTS figures of one pod, computed as `printPod` does.
struct PodStatusSummary {
  private(set) var reason: String
  private(set) var readyContainers = 0
  private(set) var totalContainers: Int
  private(set) var restarts = 0
  private(set) var lastRestart: Date?

  init(_ pod: PrintedObject) {
    let status = pod["status"]
    let phase = status["phase"].string
    let statusReason = status["reason"].string
    reason = statusReason.isEmpty ? phase : statusReason
    totalContainers = pod["spec", "containers"].count

    let conditions = status["conditions"].items
    if conditions.contains(where: { $0["type"].string == "PodScheduled" && $0["reason"].string == "SchedulingGated" }) {
      reason = "SchedulingGated"
    }

    // Sidecars (init containers with restartPolicy Always) count as regular containers.
    let initSpecs = pod["spec", "initContainers"].items
    let sidecarSpecs = initSpecs.filter { $0["restartPolicy"].string == "Always" }
    let sidecars = Set(sidecarSpecs.map { $0["name"].string })
    totalContainers += sidecarSpecs.count

    var sidecarRestarts = 0
    var lastSidecarRestart: Date?
    var initializing = false
    for (index, container) in status["initContainerStatuses"].items.enumerated() {
      let isSidecar = sidecars.contains(container["name"].string)
      let finished = container["lastState", "terminated", "finishedAt"].time
      restarts += container["restartCount"].int
      lastRestart = Self.later(lastRestart, finished)
      if isSidecar {
        sidecarRestarts += container["restartCount"].int
        lastSidecarRestart = Self.later(lastSidecarRestart, finished)
      }

      let terminated = container["state", "terminated"]
      let waitingReason = container["state", "waiting", "reason"].string
      if terminated.isSet && terminated["exitCode"].int == 0 { continue }
      if isSidecar && container["started"].bool {
        if container["ready"].bool { readyContainers += 1 }
        continue
      }
      if terminated.isSet {
        reason = "Init:" + Self.terminationReason(terminated)
      } else if !waitingReason.isEmpty && waitingReason != "PodInitializing" {
        reason = "Init:" + waitingReason
      } else {
        reason = "Init:\(index)/\(initSpecs.count)"
      }
      initializing = true
      break
    }

    let initialized = conditions.contains { $0["type"].string == "Initialized" && $0["status"].string == "True" }
    if !initializing || initialized {
      restarts = sidecarRestarts
      lastRestart = lastSidecarRestart
      var hasRunning = false
      // Read from the last container to the first so the first container's state wins.
      for container in status["containerStatuses"].items.reversed() {
        restarts += container["restartCount"].int
        lastRestart = Self.later(lastRestart, container["lastState", "terminated", "finishedAt"].time)
        let waitingReason = container["state", "waiting", "reason"].string
        let terminated = container["state", "terminated"]
        if !waitingReason.isEmpty {
          reason = waitingReason
        } else if terminated.isSet {
          reason = Self.terminationReason(terminated)
        } else if container["ready"].bool && container["state", "running"].isSet {
          hasRunning = true
          readyContainers += 1
        }
      }
      // A finished sidecar-style container next to a running one does not make the pod "Completed".
      if reason == "Completed" && hasRunning {
        let ready = conditions.contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
        reason = ready ? "Running" : "NotReady"
      }
    }

    if pod["metadata", "deletionTimestamp"].isSet {
      if status["reason"].string == "NodeLost" {
        reason = "Unknown"
      } else if phase != "Succeeded" && phase != "Failed" {
        reason = "Terminating"
      }
    }
  }

  /// A terminated state's reason, or `Signal:N` / `ExitCode:N` when the runtime gave none.
  private static func terminationReason(_ terminated: PrintedObject) -> String {
    let reason = terminated["reason"].string
    if !reason.isEmpty { return reason }
    let signal = terminated["signal"].int
    return signal != 0 ? "Signal:\(signal)" : "ExitCode:\(terminated["exitCode"].int)"
  }

  private static func later(_ current: Date?, _ candidate: Date?) -> Date? {
    guard let candidate else { return current }
    guard let current else { return candidate }
    return max(current, candidate)
  }
}
