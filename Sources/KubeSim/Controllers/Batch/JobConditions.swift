import Foundation
import KubeModel

/// The conditions a Job's status carries and how a Job's run ends.
enum JobConditions {
  enum Outcome {
    case running
    case suspended
    case complete
    case failed(reason: String, message: String)
  }

  /// "Complete" or "Failed" once the Job has finished; nil while it runs.
  static func finished(_ job: JSON) -> String? {
    let conditions = job[path: ["status", "conditions"]]?.arrayValue ?? []
    return ["Complete", "Failed"].first { type in
      conditions.contains { $0["type"]?.stringValue == type && $0["status"]?.stringValue == "True" }
    }
  }

  /// When the Job finished, from its completion time or its final condition.
  static func finishedAt(_ job: JSON) -> Date? {
    if let completion = job[path: ["status", "completionTime"]]?.stringValue.flatMap(APITimestamp.date) {
      return completion
    }
    let final = (job[path: ["status", "conditions"]]?.arrayValue ?? []).first {
      $0["type"]?.stringValue == "Failed" && $0["status"]?.stringValue == "True"
    }
    return final?["lastTransitionTime"]?.stringValue.flatMap(APITimestamp.date)
  }

  /// The conditions with `type` set to `status`: an entry whose status stays keeps its transition
  /// time, a new one is appended.
  static func setting(
    _ type: String, _ status: Bool, reason: String, message: String, now: Date, in conditions: [JSON]
  ) -> [JSON] {
    let text = status ? "True" : "False"
    let stamp = JSON.string(APITimestamp.string(now))
    var entry: JSON = [
      "type": .string(type), "status": .string(text), "lastProbeTime": stamp, "lastTransitionTime": stamp,
      "reason": .string(reason), "message": .string(message),
    ]
    guard let index = conditions.firstIndex(where: { $0["type"]?.stringValue == type }) else {
      return conditions + [entry]
    }
    if conditions[index]["status"]?.stringValue == text {
      entry["lastTransitionTime"] = conditions[index]["lastTransitionTime"] ?? stamp
    }
    var updated = conditions
    updated[index] = entry
    return updated
  }
}
