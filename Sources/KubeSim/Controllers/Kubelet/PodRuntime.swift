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

  /// Every init container has completed (or, for a sidecar, started), so the app containers may
  /// start.
  var isInitialized: Bool { initContainers.allSatisfy(\.hasInitialized) }

  /// The containers whose readiness makes the pod ready: the app containers and the sidecars.
  var readinessContainers: [ContainerRuntime] { initContainers.filter(\.isSidecar) + containers }

  var allContainers: [ContainerRuntime] { initContainers + containers }
}
