import Foundation
import KubeModel

/// Which pods a scale-down removes first, as the real controller ranks them: not yet on a node,
/// then pending before running, not ready before ready, then the newest first.
enum PodDeletionRanking {
  static func ordered(_ pods: [JSON]) -> [JSON] {
    pods.sorted { rank($0) < rank($1) }
  }

  private static func rank(_ pod: JSON) -> (Int, Int, Int, Double) {
    let unscheduled = (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty ? 0 : 1
    let phase = pod[path: ["status", "phase"]]?.stringValue ?? "Pending"
    let pending = phase == "Pending" ? 0 : (phase == "Unknown" ? 1 : 2)
    let ready = PodReadiness.isReady(pod) ? 1 : 0
    let created = pod[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(APITimestamp.date) ?? .distantPast
    return (unscheduled, pending, ready, -created.timeIntervalSince1970)
  }
}
