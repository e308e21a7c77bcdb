import Foundation
import KubeModel

/// A pod the simulated kubelet has taken on: its containers, addresses and pending wake-up.
struct PodRuntime {
  var uid: String
  var containers: [ContainerRuntime]
  var podIP: String
  var hostIP: String
  var startTime: Date
  /// When a step is next due; one timer per pod, so status writes never multiply timers.
  var wake: Date?
  var killed = false
}
