import Foundation
import KubeModel

/// A pod the simulated kubelet has taken on: its containers, addresses and pending wake-up.
struct PodRuntime {
  var uid: String
  var initContainers: [ContainerRuntime] = []
  var containers: [ContainerRuntime]
  var podIP: String
  var hostIP: String
  var startTime: Date
  /// When a step is next due; one timer per pod, so status writes never multiply timers.
  var wake: Date?
  var killed = false

  /// Every init container has completed, so the app containers may start.
  var isInitialized: Bool { initContainers.allSatisfy(\.hasCompleted) }

  var allContainers: [ContainerRuntime] { initContainers + containers }
}
