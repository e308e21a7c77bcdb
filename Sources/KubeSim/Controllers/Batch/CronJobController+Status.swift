import Foundation
import KubeModel

extension CronJobController {
  /// Writes `active` (references to the running Jobs), `lastScheduleTime` and
  /// `lastSuccessfulTime`; a Job that finished since the last look gets a SawCompletedJob event.
  func writeStatus(_ cronJob: JSON, jobs: [JSON], lastScheduleTime: Date?) {
    guard let cronJobsType, let name = cronJob[path: ["metadata", "name"]]?.stringValue else { return }
    let previous = cronJob["status"] ?? [:]
    let wasActive = Set((previous["active"]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue })
    var lastSuccess = previous["lastSuccessfulTime"]?.stringValue.flatMap(APITimestamp.date)
    var active: [JSON] = []
    for job in jobs {
      let uid = job[path: ["metadata", "uid"]]?.stringValue ?? ""
      guard let outcome = JobConditions.finished(job) else {
        active.append(
          [
            "kind": "Job", "namespace": job[path: ["metadata", "namespace"]] ?? "",
            "name": job[path: ["metadata", "name"]] ?? "", "uid": .string(uid), "apiVersion": "batch/v1",
            "resourceVersion": job[path: ["metadata", "resourceVersion"]] ?? "",
          ])
        continue
      }
      if wasActive.contains(uid) {
        let jobName = job[path: ["metadata", "name"]]?.stringValue ?? ""
        events.record(
          cronJob, type: "Normal", reason: "SawCompletedJob",
          message: "Saw completed job: \(jobName), condition: \(outcome)")
      }
      if outcome == "Complete", let finished = JobConditions.finishedAt(job), lastSuccess.map({ finished > $0 }) ?? true
      {
        lastSuccess = finished
      }
    }
    var status: JSONObject = [:]
    if !active.isEmpty { status["active"] = .array(active) }
    if let lastScheduleTime { status["lastScheduleTime"] = .string(APITimestamp.string(lastScheduleTime)) }
    if let lastSuccess { status["lastSuccessfulTime"] = .string(APITimestamp.string(lastSuccess)) }
    let key = cluster.key(cronJobsType, namespace: cronJob[path: ["metadata", "namespace"]]?.stringValue, name: name)
    _ = cluster.store.update(key) { current in
      var updated = current
      updated["status"] = .object(status)
      return updated
    }
  }
}
