import Foundation
import KubeModel

/// How workload controllers judge a pod: active (counts toward replicas), ready, and available
/// (ready for at least `minReadySeconds`).
enum PodReadiness {
  static func isActive(_ pod: JSON) -> Bool {
    let phase = pod[path: ["status", "phase"]]?.stringValue
    return phase != "Succeeded" && phase != "Failed" && pod[path: ["metadata", "deletionTimestamp"]] == nil
  }

  static func isReady(_ pod: JSON) -> Bool { readySince(pod) != nil }

  static func isAvailable(_ pod: JSON, minReadySeconds: Int, now: Date) -> Bool {
    guard let since = readySince(pod) else { return false }
    return minReadySeconds <= 0 || since.addingTimeInterval(TimeInterval(minReadySeconds)) <= now
  }

  /// When the pod's Ready condition turned true; `distantPast` when it carries no time.
  static func readySince(_ pod: JSON) -> Date? {
    guard
      let ready = pod[path: ["status", "conditions"]]?.arrayValue?.first(where: { $0["type"]?.stringValue == "Ready" }),
      ready["status"]?.stringValue == "True"
    else { return nil }
    return ready["lastTransitionTime"]?.stringValue.flatMap(APITimestamp.date) ?? .distantPast
  }
}
