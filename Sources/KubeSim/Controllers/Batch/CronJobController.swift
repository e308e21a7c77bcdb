import Foundation
import KubeModel

/// The CronJob control loop, against the wall clock: at each time the schedule names it creates
/// the Job `<cronjob>-<minutes since the epoch>` from the job template (honouring `suspend`,
/// `startingDeadlineSeconds` and the concurrency policy), lists the running ones in
/// `status.active`, and deletes finished Jobs beyond the history limits.
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class CronJobController: Controller, @unchecked Sendable {
  let cluster: Cluster
  let watchedResources = ["cronjobs.batch", "jobs.batch"]
  let events: EventRecorder
  /// The time each CronJob (by uid) is next looked at.
  private var wakes: [String: Date] = [:]
  static let scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp"
  /// How many missed schedule times a CronJob looks back over at most.
  static let maximumMissedRuns = 10_000

  init(cluster: Cluster) {
    self.cluster = cluster
    events = EventRecorder(cluster: cluster, component: "cronjob-controller")
  }

  var cronJobsType: ServedResource? { cluster.catalog.resource(groupVersion: "batch/v1", plural: "cronjobs") }
  var jobsType: ServedResource? { cluster.catalog.resource(groupVersion: "batch/v1", plural: "jobs") }

  func handle(_ event: StoreEvent) {
    guard let cronJobsType else { return }
    var name = event.object[path: ["metadata", "name"]]?.stringValue
    if event.resource == "jobs.batch" {
      let owner = event.object[path: ["metadata", "ownerReferences"]]?.arrayValue?.first {
        $0["controller"]?.boolValue == true && $0["kind"]?.stringValue == "CronJob"
      }
      name = owner?["name"]?.stringValue
    } else if event.kind == .deleted {
      return
    }
    guard let name, let cronJob = try? cluster.get(cronJobsType, namespace: event.namespace, name: name) else {
      return
    }
    sync(cronJob)
  }

  func sync(_ cronJob: JSON) {
    guard cronJob[path: ["metadata", "deletionTimestamp"]] == nil, let jobsType,
      let uid = cronJob[path: ["metadata", "uid"]]?.stringValue,
      let namespace = cronJob[path: ["metadata", "namespace"]]?.stringValue,
      let schedule = try? CronSchedule(parsing: cronJob[path: ["spec", "schedule"]]?.stringValue ?? "")
    else { return }
    let spec = cronJob["spec"] ?? [:]
    let zone = spec["timeZone"]?.stringValue.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
    let now = cluster.now()
    var jobs = cluster.list(jobsType, namespace: namespace).items.filter {
      OwnerReferences.controllerUID(of: $0) == uid
    }
    var lastScheduleTime = cronJob[path: ["status", "lastScheduleTime"]]?.stringValue.flatMap(APITimestamp.date)
    if spec["suspend"]?.boolValue != true,
      let due = mostRecentRun(schedule, zone: zone, since: lastScheduleTime ?? creationTime(cronJob, now), now: now)
    {
      let deadline = spec["startingDeadlineSeconds"]?.intValue
      let late = deadline.map { due.addingTimeInterval(TimeInterval($0)) < now } ?? false
      let running = jobs.filter { JobConditions.finished($0) == nil }
      let policy = spec["concurrencyPolicy"]?.stringValue ?? "Allow"
      if !late, !(policy == "Forbid" && !running.isEmpty) {
        if policy == "Replace" {
          for job in running { deleteJob(job, of: cronJob) }
          jobs.removeAll { JobConditions.finished($0) == nil }
        }
        if let job = createJob(for: cronJob, scheduledAt: due, namespace: namespace) { jobs.append(job) }
        lastScheduleTime = due
      }
    }
    jobs = removeHistory(jobs, of: cronJob)
    writeStatus(cronJob, jobs: jobs, lastScheduleTime: lastScheduleTime)
    if let next = schedule.next(after: now, in: zone) { wake(cronJob, at: next, now: now) }
  }

  private func creationTime(_ cronJob: JSON, _ now: Date) -> Date {
    cronJob[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(APITimestamp.date) ?? now
  }

  /// The latest schedule time after `since` that is not in the future.
  private func mostRecentRun(_ schedule: CronSchedule, zone: TimeZone, since: Date, now: Date) -> Date? {
    var latest: Date?
    var cursor = since
    for _ in 0..<Self.maximumMissedRuns {
      guard let next = schedule.next(after: cursor, in: zone), next <= now else { break }
      latest = next
      cursor = next
    }
    return latest
  }

  private func createJob(for cronJob: JSON, scheduledAt due: Date, namespace: String) -> JSON? {
    guard let jobsType, let cronJobName = cronJob[path: ["metadata", "name"]]?.stringValue else { return nil }
    let name = "\(cronJobName)-\(Int(due.timeIntervalSince1970 / 60))"
    let template = cronJob[path: ["spec", "jobTemplate"]] ?? [:]
    var metadata: JSONObject = ["name": .string(name), "namespace": .string(namespace)]
    if let labels = template[path: ["metadata", "labels"]] { metadata["labels"] = labels }
    var annotations = template[path: ["metadata", "annotations"]]?.objectValue ?? [:]
    annotations[Self.scheduledTimestampAnnotation] = .string(APITimestamp.string(due))
    metadata["annotations"] = .object(annotations)
    metadata["ownerReferences"] = [OwnerReferences.controllerReference(to: cronJob)]
    let job: JSON = [
      "apiVersion": "batch/v1", "kind": "Job", "metadata": .object(metadata), "spec": template["spec"] ?? [:],
    ]
    do {
      let created = try cluster.create(jobsType, namespace: namespace, object: job).object
      events.record(cronJob, type: "Normal", reason: "SuccessfulCreate", message: "Created job \(name)")
      return created
    } catch let error as APIError {
      // A Job of that name already exists when this run was created before.
      if let existing = try? cluster.get(jobsType, namespace: namespace, name: name) { return existing }
      events.record(cronJob, type: "Warning", reason: "FailedCreate", message: "Error creating job: \(error.message)")
    } catch {
      events.record(cronJob, type: "Warning", reason: "FailedCreate", message: "Error creating job: \(error)")
    }
    return nil
  }

  private func deleteJob(_ job: JSON, of cronJob: JSON) {
    guard let jobsType, let name = job[path: ["metadata", "name"]]?.stringValue,
      (try? cluster.delete(
        jobsType, namespace: job[path: ["metadata", "namespace"]]?.stringValue, name: name,
        options: DeleteOptions(propagation: .background))) != nil
    else { return }
    events.record(cronJob, type: "Normal", reason: "SuccessfulDelete", message: "Deleted job \(name)")
  }

  /// Deletes the oldest finished Jobs beyond `successfulJobsHistoryLimit` and
  /// `failedJobsHistoryLimit`; returns the Jobs that remain.
  private func removeHistory(_ jobs: [JSON], of cronJob: JSON) -> [JSON] {
    var removed: Set<String> = []
    for (outcome, field, fallback) in [
      ("Complete", "successfulJobsHistoryLimit", 3), ("Failed", "failedJobsHistoryLimit", 1),
    ] {
      let limit = cronJob[path: ["spec", field]]?.intValue ?? fallback
      let finished = jobs.filter { JobConditions.finished($0) == outcome }.sorted {
        ($0[path: ["metadata", "creationTimestamp"]]?.stringValue ?? "")
          < ($1[path: ["metadata", "creationTimestamp"]]?.stringValue ?? "")
      }
      for job in finished.dropLast(max(0, limit)) {
        deleteJob(job, of: cronJob)
        if let uid = job[path: ["metadata", "uid"]]?.stringValue { removed.insert(uid) }
      }
    }
    return jobs.filter { !removed.contains($0[path: ["metadata", "uid"]]?.stringValue ?? "") }
  }

  /// Looks at the CronJob again at its next schedule time, unless an earlier look is pending.
  private func wake(_ cronJob: JSON, at time: Date, now: Date) {
    guard let cronJobsType, let uid = cronJob[path: ["metadata", "uid"]]?.stringValue,
      let name = cronJob[path: ["metadata", "name"]]?.stringValue
    else { return }
    if let pending = wakes[uid], pending > now, pending <= time { return }
    wakes[uid] = time
    let namespace = cronJob[path: ["metadata", "namespace"]]?.stringValue
    cluster.schedule(at: time) { [weak self] in
      guard let self else { return }
      if self.wakes[uid] == time { self.wakes[uid] = nil }
      if let latest = try? self.cluster.get(cronJobsType, namespace: namespace, name: name) { self.sync(latest) }
    }
  }
}
