import Foundation
import KubeModel

extension Kubelet {
  /// Runs the init containers one after another, each once the one before it has completed (a
  /// sidecar, `restartPolicy: Always`, once it has started; it keeps running beside the app
  /// containers), and lets the app containers begin once the last has. A failing init container is
  /// restarted with back-off unless the pod's restartPolicy is Never, which fails the pod instead.
  func advanceInitContainers(_ runtime: inout PodRuntime, pod: JSON, node: String, now: Date) {
    let specs = pod[path: ["spec", "initContainers"]]?.arrayValue ?? []
    let policy = pod[path: ["spec", "restartPolicy"]]?.stringValue == "Never" ? "Never" : "OnFailure"
    let begin = ContainerRuntime.State.creating(due: now.addingTimeInterval(timing.transitionDelay), attempt: 0)
    for index in runtime.initContainers.indices {
      let container = runtime.initContainers[index]
      // A completed init container is done for good, even if its image changes afterwards.
      if container.hasCompleted && !container.isSidecar { continue }
      if case .waiting = container.state { runtime.initContainers[index].state = begin }
      let spec = specs.first { $0["name"]?.stringValue == container.name } ?? [:]
      advance(
        &runtime.initContainers[index], spec: spec, pod: pod, node: node,
        policy: container.isSidecar ? "Always" : policy, now: now)
      guard runtime.initContainers[index].hasInitialized else { return }
    }
    for index in runtime.containers.indices {
      if case .waiting = runtime.containers[index].state { runtime.containers[index].state = begin }
    }
  }
}
