import Foundation
import KubeModel

/// The Job control loop: runs pods from the template until `completions` of them succeeded, at
/// most `parallelism` at a time, and gives up once more than `backoffLimit` failed (or, under
/// `OnFailure`, their containers restarted that often) or `activeDeadlineSeconds` passed. The
/// status counts the pods and carries the Complete or Failed condition `kubectl wait` looks for;
/// a finished Job with `ttlSecondsAfterFinished` is deleted when that time is up.
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class JobController: Controller, @unchecked Sendable {
  let cluster: Cluster
  let watchedResources = ["jobs.batch", "pods"]
  let events: EventRecorder
  /// Jobs (by uid) with a look already scheduled for a deadline or time-to-live.
  var pendingWakes: Set<String> = []

  init(cluster: Cluster) {
    self.cluster = cluster
    events = EventRecorder(cluster: cluster, component: "job-controller")
  }

  var jobsType: ServedResource? { cluster.catalog.resource(groupVersion: "batch/v1", plural: "jobs") }
  var podsType: ServedResource? { cluster.catalog.resource(groupVersion: "v1", plural: "pods") }

  func handle(_ event: StoreEvent) {
    guard let jobsType else { return }
    for job in OwnerEvents.owners(of: event, ownerType: jobsType, childResource: "pods", in: cluster) { sync(job) }
  }

  /// What a Job's pods add up to.
  struct Tally {
    var active: [JSON]
    var succeeded: Int
    var failed: Int
    var ready: Int
    var terminating: Int
    /// Container restarts of running pods, which count as failures under `OnFailure`.
    var restarts: Int
  }

  /// Counts the pods the Job controls. A pod that finished and was then removed no longer
  /// counts, so counts never go below what the status already says.
  func tally(_ job: JSON, pods: [JSON]) -> Tally {
    let status = job["status"]
    let active = pods.filter(PodReadiness.isActive)
    let phases = pods.compactMap { $0[path: ["status", "phase"]]?.stringValue }
    let restarts = active.flatMap { $0[path: ["status", "containerStatuses"]]?.arrayValue ?? [] }.reduce(0) {
      $0 + ($1["restartCount"]?.intValue ?? 0)
    }
    return Tally(
      active: active,
      succeeded: max(phases.filter { $0 == "Succeeded" }.count, status?["succeeded"]?.intValue ?? 0),
      failed: max(phases.filter { $0 == "Failed" }.count, status?["failed"]?.intValue ?? 0),
      ready: active.filter(PodReadiness.isReady).count,
      terminating: pods.filter { $0[path: ["metadata", "deletionTimestamp"]] != nil && Self.isRunnable($0) }.count,
      restarts: restarts)
  }

  /// Whether a pod has not finished (it may still be being deleted).
  static func isRunnable(_ pod: JSON) -> Bool {
    let phase = pod[path: ["status", "phase"]]?.stringValue
    return phase != "Succeeded" && phase != "Failed"
  }

  func sync(_ job: JSON) {
    guard job[path: ["metadata", "deletionTimestamp"]] == nil, let podsType,
      let uid = job[path: ["metadata", "uid"]]?.stringValue,
      let namespace = job[path: ["metadata", "namespace"]]?.stringValue
    else { return }
    let pods = cluster.list(podsType, namespace: namespace).items.filter {
      OwnerReferences.controllerUID(of: $0) == uid
    }
    var tally = tally(job, pods: pods)
    let spec = job["spec"] ?? [:]
    let now = cluster.now()
    if let finished = JobConditions.finished(job) {
      if finished == "Failed" { deleteActive(tally.active, of: job) }
      expireIfDone(job, now: now)
      return
    }
    if spec["suspend"]?.boolValue == true {
      deleteActive(tally.active, of: job)
      tally.active = []
      writeStatus(job, tally, outcome: .suspended, now: now)
      return
    }
    let startTime = job[path: ["status", "startTime"]]?.stringValue.flatMap(APITimestamp.date) ?? now
    if let outcome = verdict(job, tally, startTime: startTime, now: now) {
      if case .failed = outcome { deleteActive(tally.active, of: job) }
      writeStatus(job, tally, outcome: outcome, now: now)
      return
    }
    let wanted = wantedActive(spec, tally)
    if tally.active.count < wanted {
      for _ in tally.active.count..<wanted {
        TemplatePod.create(for: job, namespace: namespace, in: cluster, type: podsType, events: events)
      }
    } else if tally.active.count > wanted {
      deleteActive(Array(PodDeletionRanking.ordered(tally.active).prefix(tally.active.count - wanted)), of: job)
    }
    writeStatus(job, tally, outcome: .running, now: now)
    if let deadline = spec["activeDeadlineSeconds"]?.intValue {
      wake(job, after: startTime.addingTimeInterval(TimeInterval(deadline)).timeIntervalSince(now))
    }
  }

  /// How the Job ends now, if it does: failed past its back-off limit or deadline, or complete.
  private func verdict(_ job: JSON, _ tally: Tally, startTime: Date, now: Date) -> JobConditions.Outcome? {
    let spec = job["spec"] ?? [:]
    let backoffLimit = spec["backoffLimit"]?.intValue ?? 6
    let onFailure = spec[path: ["template", "spec", "restartPolicy"]]?.stringValue == "OnFailure"
    let restartsExceed = onFailure && (backoffLimit == 0 ? tally.restarts > 0 : tally.restarts >= backoffLimit)
    if tally.failed > backoffLimit || restartsExceed {
      return .failed(reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
    }
    if let deadline = spec["activeDeadlineSeconds"]?.intValue,
      startTime.addingTimeInterval(TimeInterval(deadline)) <= now
    {
      return .failed(reason: "DeadlineExceeded", message: "Job was active longer than specified deadline")
    }
    if let completions = spec["completions"]?.intValue {
      if tally.succeeded >= completions { return .complete }
    } else if tally.succeeded > 0, tally.active.isEmpty {
      // A work queue (no completions) is done once a pod succeeded and the others have stopped.
      return .complete
    }
    return nil
  }

  /// Pods to keep running: up to `parallelism`, never more than the completions still missing;
  /// a work queue starts no new pods once one has succeeded.
  private func wantedActive(_ spec: JSON, _ tally: Tally) -> Int {
    let parallelism = spec["parallelism"]?.intValue ?? 1
    guard let completions = spec["completions"]?.intValue else {
      return tally.succeeded > 0 ? min(parallelism, tally.active.count) : parallelism
    }
    return max(0, min(parallelism, completions - tally.succeeded))
  }

  private func deleteActive(_ pods: [JSON], of job: JSON) {
    guard let podsType else { return }
    for pod in pods {
      guard let name = pod[path: ["metadata", "name"]]?.stringValue,
        (try? cluster.delete(podsType, namespace: pod[path: ["metadata", "namespace"]]?.stringValue, name: name))
          != nil
      else { continue }
      events.record(job, type: "Normal", reason: "SuccessfulDelete", message: "Deleted pod: \(name)")
    }
  }

  /// Deletes a finished Job, pods included, once its `ttlSecondsAfterFinished` is up.
  private func expireIfDone(_ job: JSON, now: Date) {
    guard let jobsType, let ttl = job[path: ["spec", "ttlSecondsAfterFinished"]]?.intValue,
      let name = job[path: ["metadata", "name"]]?.stringValue
    else { return }
    let finishedAt = JobConditions.finishedAt(job) ?? now
    let remaining = finishedAt.addingTimeInterval(TimeInterval(ttl)).timeIntervalSince(now)
    if remaining > 0 {
      wake(job, after: remaining)
    } else {
      _ = try? cluster.delete(
        jobsType, namespace: job[path: ["metadata", "namespace"]]?.stringValue, name: name,
        options: DeleteOptions(propagation: .background))
    }
  }

  /// Looks at the Job again after `wait` seconds.
  private func wake(_ job: JSON, after wait: TimeInterval) {
    guard let jobsType, let uid = job[path: ["metadata", "uid"]]?.stringValue,
      let name = job[path: ["metadata", "name"]]?.stringValue, pendingWakes.insert(uid).inserted
    else { return }
    let namespace = job[path: ["metadata", "namespace"]]?.stringValue
    cluster.schedule(after: wait) { [weak self] in
      guard let self else { return }
      self.pendingWakes.remove(uid)
      if let latest = try? self.cluster.get(jobsType, namespace: namespace, name: name) { self.sync(latest) }
    }
  }
}
