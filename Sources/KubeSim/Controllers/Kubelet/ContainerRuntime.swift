import Foundation
import KubeModel

/// One container as the simulated kubelet runs it: where it is in its life, when its next step is
/// due, and what the pod status reports about it.
struct ContainerRuntime {
  enum State {
    /// Waiting to pull the image and start; `attempt` counts failed pulls so far.
    case creating(due: Date, attempt: Int)
    case pullFailed(due: Date, attempt: Int, message: String)
    case pullBackOff(due: Date, attempt: Int, message: String)
    case running(started: Date, exitAt: Date?, exitCode: Int)
    /// Exited; `restartAt` is when the back-off begins under a restarting policy.
    case terminated(JSON, restartAt: Date?)
    case crashLoopBackOff(due: Date, backOff: Int)
  }

  var name: String
  var image: String
  var state: State
  var restartCount = 0
  var lastTerminated: JSON?
  var containerID = ""
  var hasPulled = false

  var due: Date? {
    switch state {
    case .creating(let due, _), .pullFailed(let due, _, _), .pullBackOff(let due, _, _), .crashLoopBackOff(let due, _):
      return due
    case .running(_, let exitAt, _): return exitAt
    case .terminated(_, let restartAt): return restartAt
    }
  }

  var isRunning: Bool {
    if case .running = state { return true }
    return false
  }

  var hasStarted: Bool { !containerID.isEmpty }

  /// The containerStatuses entry, in the real kubelet's field order.
  func status(podName: String, namespace: String, uid: String) -> JSON {
    let reference = ImageCatalog.Reference(image)
    var entry: JSONObject = [:]
    if !containerID.isEmpty { entry["containerID"] = .string(containerID) }
    entry["image"] = .string(hasPulled ? reference.qualified : image)
    entry["imageID"] = .string(hasPulled ? reference.imageID : "")
    entry["lastState"] = lastTerminated.map { ["terminated": $0] } ?? [:]
    entry["name"] = .string(name)
    entry["ready"] = .bool(isRunning)
    entry["restartCount"] = .int(restartCount)
    entry["started"] = .bool(isRunning)
    switch state {
    case .creating: entry["state"] = ["waiting": ["reason": "ContainerCreating"]]
    case .pullFailed(_, _, let message):
      entry["state"] = ["waiting": ["message": .string(message), "reason": "ErrImagePull"]]
    case .pullBackOff:
      entry["state"] = [
        "waiting": ["message": .string("Back-off pulling image \"\(image)\""), "reason": "ImagePullBackOff"]
      ]
    case .running(let started, _, _):
      entry["state"] = ["running": ["startedAt": .string(APITimestamp.string(started))]]
    case .terminated(let info, _): entry["state"] = ["terminated": info]
    case .crashLoopBackOff(_, let backOff):
      entry["state"] = [
        "waiting": [
          "message": .string(
            "back-off \(backOff)s restarting failed container=\(name) pod=\(podName)_\(namespace)(\(uid))"),
          "reason": "CrashLoopBackOff",
        ]
      ]
    }
    return .object(entry)
  }
}
