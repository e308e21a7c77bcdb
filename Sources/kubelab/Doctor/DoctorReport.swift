import Foundation
import KubeClient
import KubeModel

/// What `kubelab doctor` found out about a cluster, step by step, until the first thing that fails.
struct DoctorReport {
  var lines: [(label: String, value: String)] = []
  /// The one-line diagnosis when the cluster is not usable.
  var problem: String?

  mutating func add(_ label: String, _ value: String) { lines.append((label, value)) }

  var text: String {
    let width = (lines.map(\.label.count).max() ?? 0) + 2
    return lines.map { ($0.label + ":").padding(toLength: width, withPad: " ", startingAt: 0) + $0.value }
      .joined(separator: "\n")
  }
}
