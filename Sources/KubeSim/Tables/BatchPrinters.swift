import Foundation
import KubeModel

/// batch/v1 Jobs and CronJobs.
enum BatchPrinters {
  static let jobs = TablePrinter(
    columns: [
      .name,
      .text("Status", "Status of the job: Running, Complete, Failed, Suspended..."),
      .text("Completions", "Succeeded pods out of the completions wanted."),
      .text("Duration", "Time the job ran, or has been running."),
      .age,
    ] + TableColumn.containerColumns + [.text("Selector", "Label selector of the job's pods.", wide: true)]
  ) { job, now in
    [
      .string(job.name), .string(status(job)), .string(completions(job)), .string(duration(job, now: now)),
      job.age(at: now),
    ]
      + WorkloadPrinters.containerCells(job["spec", "template"])
      + [.string(LabelFormatting.selector(job["spec", "selector"]))]
  }

  static let cronJobs = TablePrinter(
    columns: [
      .name,
      .text("Schedule", "Cron schedule of the job."),
      .text("Timezone", "Time zone of the schedule."),
      .boolean("Suspend", "Whether new runs are suspended."),
      .integer("Active", "Jobs currently running."),
      .text("Last Schedule", "Time since a job was last scheduled."),
      .age,
    ] + TableColumn.containerColumns + [.text("Selector", "Label selector of the jobs' pods.", wide: true)]
  ) { cronJob, now in
    let spec = cronJob["spec"]
    let lastSchedule = cronJob["status", "lastScheduleTime"]
    // spec.suspend defaults to false; the printer shows booleans as True/False.
    return [
      .string(cronJob.name), .string(spec["schedule"].string), .string(spec["timeZone"].optionalString ?? "<none>"),
      .string(spec["suspend"].bool ? "True" : "False"), .int(cronJob["status", "active"].count),
      .string(lastSchedule.isSet ? HumanDuration.since(lastSchedule.time, now: now) : "<none>"), cronJob.age(at: now),
    ] + WorkloadPrinters.containerCells(spec["jobTemplate", "spec", "template"])
      + [.string(LabelFormatting.selector(spec["jobTemplate", "spec", "selector"]))]
  }

  /// The first of Complete, Failed, Terminating, Suspended, FailureTarget that applies; Running otherwise.
  private static func status(_ job: PrintedObject) -> String {
    let conditions = job["status", "conditions"].items
    func holds(_ type: String) -> Bool {
      conditions.first { $0["type"].string == type }?["status"].string == "True"
    }
    if holds("Complete") { return "Complete" }
    if holds("Failed") { return "Failed" }
    if job["metadata", "deletionTimestamp"].isSet { return "Terminating" }
    if holds("Suspended") { return "Suspended" }
    if holds("FailureTarget") { return "FailureTarget" }
    return "Running"
  }

  private static func completions(_ job: PrintedObject) -> String {
    let succeeded = job["status", "succeeded"].int
    let spec = job["spec"]
    // The API server sets completions to 1 when neither completions nor parallelism is given.
    if let completions = spec["completions"].optionalInt ?? (spec["parallelism"].isSet ? nil : 1) {
      return "\(succeeded)/\(completions)"
    }
    let parallelism = spec["parallelism"].int
    return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
  }

  private static func duration(_ job: PrintedObject, now: Date) -> String {
    guard let start = job["status", "startTime"].time else { return "" }
    let end = job["status", "completionTime"].time ?? now
    return HumanDuration.string(seconds: end.timeIntervalSince(start))
  }
}
