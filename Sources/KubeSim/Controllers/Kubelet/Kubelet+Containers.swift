import Foundation
import KubeModel

extension Kubelet {
  /// Takes every step of a container's life that is due by `now`, recording the events the real
  /// kubelet records for each; `policy` is the restart policy that applies to this container.
  func advance(_ container: inout ContainerRuntime, spec: JSON, pod: JSON, node: String, policy: String, now: Date) {
    let image = spec["image"]?.stringValue ?? container.image
    if case .waiting = container.state {
      container.image = image
      return
    }
    if image != container.image {
      if container.isRunning {
        stopProcess(container, pod: pod)
        events.record(
          pod, type: "Normal", reason: "Killing",
          message: "Container \(container.name) definition changed, will be restarted",
          fieldPath: container.fieldPath, host: node)
        container.lastTerminated = terminated(container, exitCode: 0, finished: now)
        container.restartCount += 1
      }
      container.image = image
      container.hasPulled = false
      container.state = .creating(due: now.addingTimeInterval(timing.transitionDelay), attempt: 0)
    }
    // Each pass takes one step; a step due at once (an exit with no lifetime) is taken next pass.
    for _ in 0..<8 {
      guard let due = container.due, due <= now else { return }
      step(&container, spec: spec, pod: pod, node: node, policy: policy, now: now)
    }
  }

  private func step(
    _ container: inout ContainerRuntime, spec: JSON, pod: JSON, node: String, policy: String, now: Date
  ) {
    let name = container.name
    let fieldPath = container.fieldPath
    let delay = timing.transitionDelay
    func note(_ type: String, _ reason: String, _ message: String) {
      events.record(pod, type: type, reason: reason, message: message, fieldPath: fieldPath, host: node)
    }
    switch container.state {
    case .mountFailed:
      begin(&container, spec: spec, pod: pod, node: node, now: now)
    case .configFailed:
      note("Normal", "Pulled", "Container image \"\(container.image)\" already present on machine")
      begin(&container, spec: spec, pod: pod, node: node, now: now)
    case .creating(_, let attempt), .pullBackOff(_, let attempt, _):
      if !container.hasPulled { note("Normal", "Pulling", "Pulling image \"\(container.image)\"") }
      switch catalog.resolve(ImageCatalog.Reference(container.image)) {
      case .failure(let failure):
        note("Warning", "Failed", "Failed to pull image \"\(container.image)\": \(failure.message)")
        note("Warning", "Failed", "Error: ErrImagePull")
        container.state = .pullFailed(
          due: now.addingTimeInterval(delay), attempt: attempt + 1, message: failure.message)
      case .success:
        if container.hasPulled {
          note("Normal", "Pulled", "Container image \"\(container.image)\" already present on machine")
        } else {
          note(
            "Normal", "Pulled", "Successfully pulled image \"\(container.image)\" in \(String(format: "%.3f", delay))s")
          container.hasPulled = true
          cluster.recordPulledImage(container.image, on: node)
        }
        begin(&container, spec: spec, pod: pod, node: node, now: now)
      }
    case .pullFailed(_, let attempt, let message):
      note("Normal", "BackOff", "Back-off pulling image \"\(container.image)\"")
      note("Warning", "Failed", "Error: ImagePullBackOff")
      container.state = .pullBackOff(
        due: now.addingTimeInterval(timing.backOff(attempt: attempt - 1)), attempt: attempt, message: message)
    case .waiting: return
    case .running(_, let exitAt, let exitCode):
      guard let exitAt, exitAt <= now else {
        probeReadiness(&container, pod: pod, node: node, now: now)
        return
      }
      if let failure = container.livenessFailure {
        recordLivenessKill(container, message: failure, pod: pod, node: node)
      }
      stopProcess(container, pod: pod)
      let info = terminated(container, exitCode: exitCode, finished: now)
      let restarts = policy == "Always" || (policy == "OnFailure" && exitCode != 0)
      container.state = .terminated(info, restartAt: restarts ? now.addingTimeInterval(delay) : nil)
    case .terminated(let info, _):
      let backOff = timing.backOff(attempt: container.restartCount)
      note("Warning", "BackOff", "Back-off restarting failed container \(name) in pod \(podLabel(pod))")
      container.lastTerminated = info
      container.state = .crashLoopBackOff(due: now.addingTimeInterval(backOff), backOff: Int(backOff.rounded()))
    case .crashLoopBackOff:
      guard case .success = catalog.resolve(ImageCatalog.Reference(container.image)) else { return }
      container.restartCount += 1
      note("Normal", "Pulled", "Container image \"\(container.image)\" already present on machine")
      begin(&container, spec: spec, pod: pod, node: node, now: now)
    }
  }

  /// Creates and starts the pulled container, unless a ConfigMap or Secret its variables need is
  /// missing: then `CreateContainerConfigError`, retried after a step.
  private func begin(_ container: inout ContainerRuntime, spec: JSON, pod: JSON, node: String, now: Date) {
    guard case .success(let image) = catalog.resolve(ImageCatalog.Reference(container.image)) else { return }
    func note(_ type: String, _ reason: String, _ message: String) {
      events.record(pod, type: type, reason: reason, message: message, fieldPath: container.fieldPath, host: node)
    }
    let retry = now.addingTimeInterval(timing.transitionDelay)
    do {
      // Volumes are set up only for a container whose process runs; a simulated one reads none.
      if image.shell, cluster.containerEngine != nil { _ = try PodVolumes(store: cluster.store, pod: pod).resolve() }
      _ = try ContainerEnvironment(store: cluster.store, pod: pod).resolve(spec)
    } catch let error as PodVolumes.MountError {
      events.record(pod, type: "Warning", reason: "FailedMount", message: error.message, host: node)
      container.state = .mountFailed(due: retry)
      return
    } catch let error as ContainerEnvironment.ConfigError {
      note("Warning", "Failed", "Error: \(error.message)")
      container.state = .configFailed(due: retry, message: error.message)
      return
    } catch {}
    start(&container, image: image, spec: spec, pod: pod, now: now)
    note("Normal", "Created", "Created container \(container.name)")
    note("Normal", "Started", "Started container \(container.name)")
  }

  /// Starts the container's process: a new container ID, its output in the log, its exit planned.
  private func start(
    _ container: inout ContainerRuntime, image: ImageCatalog.Image, spec: JSON, pod: JSON, now: Date
  ) {
    let words = { (field: String) in (spec[field]?.arrayValue ?? []).compactMap(\.stringValue) }
    var process = ContainerProcess(image: image, command: words("command"), args: words("args"))
    // A control-plane component whose manifest is broken exits at start with its error.
    if let failure = cluster.controlPlane.failure(forPod: pod) {
      process = ContainerProcess(output: failure + "\n", lifetime: 0, exitCode: 1)
    }
    container.containerID =
      "containerd://" + (0..<4).map { _ in String(format: "%016llx", UInt64.random(in: 0...UInt64.max)) }.joined()
    let uid = pod[path: ["metadata", "uid"]]?.stringValue ?? ""
    cluster.logs.begin(podUID: uid, container: container.name)
    if image.shell, let engine = cluster.containerEngine {
      // A real process: it runs until it exits on its own or is stopped, and writes its own log.
      process = ContainerProcess(output: "", lifetime: nil, exitCode: 0)
      launch(&container, engine: engine, spec: spec, pod: pod, now: now)
    } else {
      container.runsProcess = false
      if !process.output.isEmpty { cluster.logs.append(process.output, podUID: uid, container: container.name) }
      container.state = .running(
        started: now, exitAt: process.lifetime.map { now.addingTimeInterval($0) }, exitCode: process.exitCode)
    }
    let podIP = pod[path: ["status", "podIP"]]?.stringValue ?? ""
    planProbes(&container, spec: spec, pod: pod, process: process, image: image, podIP: podIP, now: now)
  }

  private func terminated(_ container: ContainerRuntime, exitCode: Int, finished: Date) -> JSON {
    var started = finished
    if case .running(let startedAt, _, _) = container.state { started = startedAt }
    var info: JSONObject = [
      "containerID": .string(container.containerID), "exitCode": .int(exitCode),
      "finishedAt": .string(APITimestamp.string(finished)),
    ]
    // The real kubelet's field order: the message, when there is one, comes before the reason.
    if let startError = container.startError { info["message"] = .string(startError) }
    info["reason"] = container.startError != nil ? "StartError" : exitCode == 0 ? "Completed" : "Error"
    info["startedAt"] = .string(APITimestamp.string(started))
    return .object(info)
  }

  private func podLabel(_ pod: JSON) -> String {
    let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
    let namespace = pod[path: ["metadata", "namespace"]]?.stringValue ?? ""
    return "\(name)_\(namespace)(\(pod[path: ["metadata", "uid"]]?.stringValue ?? ""))"
  }
}
