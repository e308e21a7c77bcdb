import Foundation
import KubeModel

extension JobController {
  /// Writes the counts, start and completion times and conditions in the real field order; a
  /// finished run also records its Complete or failure event.
  func writeStatus(_ job: JSON, _ tally: Tally, outcome: JobConditions.Outcome, now: Date) {
    guard let jobsType, let name = job[path: ["metadata", "name"]]?.stringValue else { return }
    let previous = job["status"] ?? [:]
    var conditions = previous["conditions"]?.arrayValue ?? []
    let stamp = JSON.string(APITimestamp.string(now))
    var startTime = previous["startTime"] ?? stamp
    var completionTime: JSON?
    var active = tally.active.count
    let suspended = conditions.contains {
      $0["type"]?.stringValue == "Suspended" && $0["status"]?.stringValue == "True"
    }
    switch outcome {
    case .running:
      if suspended {
        conditions = JobConditions.setting(
          "Suspended", false, reason: "JobResumed", message: "Job resumed", now: now, in: conditions)
      }
    case .suspended:
      conditions = JobConditions.setting(
        "Suspended", true, reason: "JobSuspended", message: "Job suspended", now: now, in: conditions)
      startTime = previous["startTime"] ?? .null
      active = 0
    case .complete:
      let message = "Reached expected number of succeeded pods"
      for type in ["SuccessCriteriaMet", "Complete"] {
        conditions = JobConditions.setting(
          type, true, reason: "CompletionsReached", message: message, now: now, in: conditions)
      }
      completionTime = stamp
      active = 0
      events.record(job, type: "Normal", reason: "Completed", message: "Job completed")
    case .failed(let reason, let message):
      for type in ["FailureTarget", "Failed"] {
        conditions = JobConditions.setting(type, true, reason: reason, message: message, now: now, in: conditions)
      }
      active = 0
      events.record(job, type: "Warning", reason: reason, message: message)
    }
    var status: JSONObject = [:]
    if !conditions.isEmpty { status["conditions"] = .array(conditions) }
    if startTime != .null { status["startTime"] = startTime }
    if let completionTime { status["completionTime"] = completionTime }
    if active > 0 { status["active"] = .int(active) }
    if tally.succeeded > 0 { status["succeeded"] = .int(tally.succeeded) }
    if tally.failed > 0 { status["failed"] = .int(tally.failed) }
    status["terminating"] = .int(tally.terminating)
    status["uncountedTerminatedPods"] = [:]
    status["ready"] = .int(active > 0 ? tally.ready : 0)
    let key = cluster.key(jobsType, namespace: job[path: ["metadata", "namespace"]]?.stringValue, name: name)
    // The store leaves an identical object alone, so an unchanged status writes nothing.
    _ = cluster.store.update(key) { current in
      var updated = current
      updated["status"] = .object(status)
      return updated
    }
  }
}
