import Foundation
import KubeModel

/// One container as the simulated kubelet runs it: where it is in its life, when its next step is
/// due, and what the pod status reports about it.
struct ContainerRuntime {
  enum State {
    /// Not begun: an app container waits for the init containers, an init container for the one
    /// before it.
    case waiting
    /// Waiting to pull the image and start; `attempt` counts failed pulls so far.
    case creating(due: Date, attempt: Int)
    case pullFailed(due: Date, attempt: Int, message: String)
    case pullBackOff(due: Date, attempt: Int, message: String)
    /// Pulled, but a volume cannot be set up yet (a missing ConfigMap, an unbound claim).
    case mountFailed(due: Date)
    /// Pulled, but a ConfigMap or Secret its variables need is missing; retried at `due`.
    case configFailed(due: Date, message: String)
    case running(started: Date, exitAt: Date?, exitCode: Int)
    /// Exited; `restartAt` is when the back-off begins under a restarting policy.
    case terminated(JSON, restartAt: Date?)
    case crashLoopBackOff(due: Date, backOff: Int)
  }

  /// Whether a running container counts as ready, as its readiness probe decides.
  enum Readiness {
    case ready
    /// Ready once the first probe passes, `initialDelaySeconds` after the start.
    case probing(readyAt: Date)
    /// The probe fails: one `Unhealthy` event per period, the next at `next`.
    case failing(next: Date, period: TimeInterval, message: String)
    /// Not ready until a real exec probe run passes (a container process of the engine).
    case awaitingProbe
  }

  var name: String
  var image: String
  var isInit = false
  /// An init container with `restartPolicy: Always`: it runs for the pod's whole life.
  var isSidecar = false
  var state: State
  var restartCount = 0
  var lastTerminated: JSON?
  var containerID = ""
  var hasPulled = false
  /// Whether the current run is a real process of the container engine, whose exit it reports.
  var runsProcess = false
  /// Why the engine could not start the process, reported as containerd's `StartError`.
  var startError: String?
  var readiness = Readiness.ready
  /// The liveness probe's failure when it will kill the running container (at `exitAt`).
  var livenessFailure: String?
  /// Consecutive failed runs of a real liveness probe.
  var livenessFailures = 0
  /// The waiting reason before the container exists: `PodInitializing` in a pod with init
  /// containers, `ContainerCreating` otherwise.
  var creatingReason = "ContainerCreating"

  /// The container's path in the pod spec, as events name it.
  var fieldPath: String { isInit ? "spec.initContainers{\(name)}" : "spec.containers{\(name)}" }

  var due: Date? {
    switch state {
    case .waiting: return nil
    case .creating(let due, _), .pullFailed(let due, _, _), .pullBackOff(let due, _, _), .crashLoopBackOff(let due, _),
      .configFailed(let due, _), .mountFailed(let due):
      return due
    case .running(_, let exitAt, _):
      switch readiness {
      case .ready: return exitAt
      case .probing(let readyAt): return min(readyAt, exitAt ?? readyAt)
      case .failing(let next, _, _): return min(next, exitAt ?? next)
      case .awaitingProbe: return exitAt
      }
    case .terminated(_, let restartAt): return restartAt
    }
  }

  var isRunning: Bool {
    if case .running = state { return true }
    return false
  }

  var isReady: Bool {
    if isRunning, case .ready = readiness { return true }
    return false
  }

  /// Exited with code 0 and not to be restarted: what an init container must reach.
  var hasCompleted: Bool {
    guard case .terminated(let info, nil) = state else { return false }
    return info["exitCode"]?.intValue == 0
  }

  /// Done as an init container: completed, or started for a sidecar.
  var hasInitialized: Bool { isSidecar ? hasStarted : hasCompleted }

  /// Exited with an error and not to be restarted (restartPolicy Never).
  var hasFailed: Bool {
    guard case .terminated(let info, nil) = state else { return false }
    return info["exitCode"]?.intValue != 0
  }

  var hasStarted: Bool { !containerID.isEmpty }

  /// The id the container engine knows the run by: the status's containerID without `containerd://`.
  var engineID: String { String(containerID.dropFirst("containerd://".count)) }

  /// The containerStatuses (or initContainerStatuses) entry, in the real kubelet's field order.
  func status(podName: String, namespace: String, uid: String) -> JSON {
    let reference = ImageCatalog.Reference(image)
    var entry: JSONObject = [:]
    if !containerID.isEmpty { entry["containerID"] = .string(containerID) }
    entry["image"] = .string(hasPulled ? reference.qualified : image)
    entry["imageID"] = .string(hasPulled ? reference.imageID : "")
    entry["lastState"] = lastTerminated.map { ["terminated": $0] } ?? [:]
    entry["name"] = .string(name)
    // A completed init container stays ready, as the real kubelet reports it.
    entry["ready"] = .bool(isReady || (isInit && !isSidecar && hasCompleted))
    entry["restartCount"] = .int(restartCount)
    entry["started"] = .bool(isRunning)
    switch state {
    case .waiting, .creating, .mountFailed: entry["state"] = ["waiting": ["reason": .string(creatingReason)]]
    case .pullFailed(_, _, let message):
      entry["state"] = ["waiting": ["message": .string(message), "reason": "ErrImagePull"]]
    case .configFailed(_, let message):
      entry["state"] = ["waiting": ["message": .string(message), "reason": "CreateContainerConfigError"]]
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
