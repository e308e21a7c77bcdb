import Foundation
import KubeModel

extension Kubelet {
  /// Runs the init containers one after another, each once the one before it has completed, and
  /// lets the app containers begin once the last has. A failing init container is restarted with
  /// back-off unless the pod's restartPolicy is Never, which fails the pod instead.
  func advanceInitContainers(_ runtime: inout PodRuntime, pod: JSON, node: String, now: Date) {
    let specs = pod[path: ["spec", "initContainers"]]?.arrayValue ?? []
    let policy = pod[path: ["spec", "restartPolicy"]]?.stringValue == "Never" ? "Never" : "OnFailure"
    let begin = ContainerRuntime.State.creating(due: now.addingTimeInterval(timing.transitionDelay), attempt: 0)
    while let index = runtime.initContainers.firstIndex(where: { !$0.hasCompleted }) {
      if case .waiting = runtime.initContainers[index].state { runtime.initContainers[index].state = begin }
      let name = runtime.initContainers[index].name
      let spec = specs.first { $0["name"]?.stringValue == name } ?? [:]
      advance(&runtime.initContainers[index], spec: spec, pod: pod, node: node, policy: policy, now: now)
      guard runtime.initContainers[index].hasCompleted else { return }
    }
    for index in runtime.containers.indices {
      if case .waiting = runtime.containers[index].state { runtime.containers[index].state = begin }
    }
  }
}
