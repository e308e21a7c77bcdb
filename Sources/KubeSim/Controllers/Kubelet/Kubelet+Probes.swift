import Foundation
import KubeModel

extension Kubelet {
  /// Plans a just-started container's probes: when its readiness probe makes it ready (or that it
  /// fails from its first run on), and whether its liveness probe kills it after
  /// `failureThreshold` failures; delays and periods are compressed by `timing`. A control-plane
  /// component's probes reach the health ports it serves without declaring them.
  func planProbes(
    _ container: inout ContainerRuntime, spec: JSON, pod: JSON, process: ContainerProcess, image: ImageCatalog.Image,
    podIP: String, now: Date
  ) {
    container.readiness = .ready
    container.livenessFailure = nil
    container.livenessFailures = 0
    if container.runsProcess {
      planExecProbes(&container, spec: spec, pod: pod, now: now)
    }
    let runsProcess = container.runsProcess
    let controlPlane = ControlPlaneHealth.component(of: pod) != nil
    func probe(_ field: String, _ kind: String) -> ContainerProbe? {
      // A real process answers its exec probes itself.
      if runsProcess, spec[field]?["exec"] != nil { return nil }
      return ContainerProbe(
        field, kind: kind, container: spec, process: process, image: image, podIP: podIP,
        servesUndeclaredPorts: controlPlane)
    }
    if let readiness = probe("readinessProbe", "Readiness") {
      let first = now.addingTimeInterval(timing.probeDelay(seconds: readiness.initialDelaySeconds))
      if let message = readiness.failure {
        let period = timing.probeDelay(seconds: readiness.periodSeconds)
        container.readiness = .failing(next: first, period: max(period, 0.1), message: message)
      } else {
        container.readiness = .probing(readyAt: first)
      }
    }
    guard let liveness = probe("livenessProbe", "Liveness"), let message = liveness.failure,
      case .running(let started, let exitAt, _) = container.state
    else { return }
    let failures = liveness.initialDelaySeconds + liveness.periodSeconds * max(liveness.failureThreshold - 1, 0)
    let killAt = now.addingTimeInterval(timing.probeDelay(seconds: failures))
    if let exitAt, exitAt <= killAt { return }
    container.livenessFailure = message
    // 137: the runtime's report of a process ended by SIGKILL.
    container.state = .running(started: started, exitAt: killAt, exitCode: 137)
  }

  /// Takes a running container's readiness step that is due: it becomes ready, or its failing
  /// probe records another `Unhealthy` event.
  func probeReadiness(_ container: inout ContainerRuntime, pod: JSON, node: String, now: Date) {
    switch container.readiness {
    case .probing(let readyAt) where readyAt <= now: container.readiness = .ready
    case .failing(let next, let period, let message) where next <= now:
      events.record(
        pod, type: "Warning", reason: "Unhealthy", message: message, fieldPath: container.fieldPath, host: node)
      container.readiness = .failing(next: next.addingTimeInterval(period), period: period, message: message)
    default: break
    }
  }

  /// Records what the kubelet reports when a failing liveness probe ends a container.
  func recordLivenessKill(_ container: ContainerRuntime, message: String, pod: JSON, node: String) {
    events.record(
      pod, type: "Warning", reason: "Unhealthy", message: message, fieldPath: container.fieldPath, host: node)
    events.record(
      pod, type: "Normal", reason: "Killing",
      message: "Container \(container.name) failed liveness probe, will be restarted", fieldPath: container.fieldPath,
      host: node)
  }
}
