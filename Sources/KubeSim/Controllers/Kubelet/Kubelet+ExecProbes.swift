import Foundation
import KubeModel
import Synchronization

extension Kubelet {
  /// Schedules the exec probes of a container the engine runs: each runs its command in the
  /// container every period (compressed by `timing`) after the initial delay. A readiness probe
  /// makes the container ready while it passes; a liveness probe that fails `failureThreshold`
  /// times in a row ends the process, to be restarted as its policy says.
  func planExecProbes(_ container: inout ContainerRuntime, spec: JSON, pod: JSON, now: Date) {
    for (field, kind) in [("readinessProbe", "Readiness"), ("livenessProbe", "Liveness")] {
      guard let probe = spec[field], let command = probe[path: ["exec", "command"]]?.arrayValue else { continue }
      if kind == "Readiness" { container.readiness = .awaitingProbe }
      let words = command.compactMap(\.stringValue)
      let delay = timing.probeDelay(seconds: probe["initialDelaySeconds"]?.intValue ?? 0)
      let period = max(timing.probeDelay(seconds: probe["periodSeconds"]?.intValue ?? 10), 0.1)
      let threshold = probe["failureThreshold"]?.intValue ?? 3
      let key = ObjectKey(
        resource: "pods", namespace: pod[path: ["metadata", "namespace"]]?.stringValue ?? "",
        name: pod[path: ["metadata", "name"]]?.stringValue ?? "")
      let run = ExecProbeRun(
        key: key, container: container.name, containerID: container.containerID, kind: kind, command: words,
        period: period, failureThreshold: threshold)
      cluster.schedule(after: delay) { [weak self] in self?.runExecProbe(run) }
    }
  }

  /// Runs one exec probe if its container's run is still the one it was planned for, then plans
  /// the next run.
  func runExecProbe(_ run: ExecProbeRun) {
    guard let engine = cluster.containerEngine, let pod = cluster.store.get(run.key),
      let container = pods[run.key]?.allContainers.first(where: { $0.name == run.container }),
      container.containerID == run.containerID, container.isRunning,
      let spec =
        ((pod[path: ["spec", "containers"]]?.arrayValue ?? [])
        + (pod[path: ["spec", "initContainers"]]?.arrayValue ?? [])).first(where: {
          $0["name"]?.stringValue == run.container
        })
    else { return }
    let launch = ContainerLaunch(
      pod: pod, spec: spec, containerID: container.engineID, catalog: catalog,
      store: cluster.store)
    let output = ProbeOutput()
    let queue = cluster.queue
    do {
      let execution = try engine.exec(
        launch, command: run.command, tty: false, output: { _, bytes in output.append(bytes) },
        exited: { [weak self] code in
          queue.async { [weak self] in self?.probeFinished(run, code: code, output: output.text) }
        })
      // A probe reads no input.
      execution.closeInput()
    } catch {
      probeFinished(run, code: 1, output: "\(error)")
    }
  }

  private func probeFinished(_ run: ExecProbeRun, code: Int, output: String) {
    guard var runtime = pods[run.key], let pod = cluster.store.get(run.key) else { return }
    let node = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
    func update(_ container: inout ContainerRuntime) -> Bool {
      guard container.name == run.container, container.containerID == run.containerID, container.isRunning else {
        return false
      }
      let message = "\(run.kind) probe failed: \(output.hasSuffix("\n") ? String(output.dropLast()) : output)"
      if code != 0 {
        events.record(
          pod, type: "Warning", reason: "Unhealthy", message: message, fieldPath: container.fieldPath, host: node)
      }
      if run.kind == "Readiness" {
        container.readiness = code == 0 ? .ready : .awaitingProbe
      } else {
        container.livenessFailures = code == 0 ? 0 : container.livenessFailures + 1
        if container.livenessFailures >= run.failureThreshold {
          events.record(
            pod, type: "Normal", reason: "Killing",
            message: "Container \(container.name) failed liveness probe, will be restarted",
            fieldPath: container.fieldPath, host: node)
          stopProcess(container, pod: pod)
          return true
        }
      }
      return true
    }
    var found = false
    for index in runtime.initContainers.indices where update(&runtime.initContainers[index]) { found = true }
    for index in runtime.containers.indices where update(&runtime.containers[index]) { found = true }
    guard found else { return }
    pods[run.key] = runtime
    sync(run.key)
    cluster.schedule(after: run.period) { [weak self] in self?.runExecProbe(run) }
  }
}

/// One exec probe of one container run.
struct ExecProbeRun {
  var key: ObjectKey
  var container: String
  var containerID: String
  var kind: String
  var command: [String]
  var period: TimeInterval
  var failureThreshold: Int
}

/// What a probe's command printed, collected from the engine's threads.
final class ProbeOutput: Sendable {
  private let bytes = Mutex<[UInt8]>([])

  func append(_ more: [UInt8]) { bytes.withLock { $0 += more } }
  var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}
