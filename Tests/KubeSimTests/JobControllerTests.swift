import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The Job controller on a cluster without HTTP, its pods' phases set by hand as the kubelet would
/// and its timers driven by a manual clock.
@Suite struct JobControllerTests {
  let clock = ManualClock()
  let cluster: Cluster

  init() {
    cluster = Cluster(clock: clock)
  }

  func resource(_ groupVersion: String, _ plural: String) throws -> ServedResource {
    try #require(cluster.catalog.resource(groupVersion: groupVersion, plural: plural))
  }

  func makeNamespace() throws {
    _ = try cluster.create(try resource("v1", "namespaces"), namespace: nil, object: ["metadata": ["name": "default"]])
  }

  func job(_ spec: JSONObject) throws -> JSON {
    var full = spec
    full["template"] = [
      "spec": ["restartPolicy": "Never", "containers": [["name": "work", "image": "busybox"]]]
    ]
    return try cluster.create(
      try resource("batch/v1", "jobs"), namespace: "default",
      object: ["metadata": ["name": "work"], "spec": .object(full)]
    ).object
  }

  func latest() throws -> JSON { try cluster.get(try resource("batch/v1", "jobs"), namespace: "default", name: "work") }

  func pods(phase: String? = nil) throws -> [JSON] {
    cluster.list(try resource("v1", "pods"), namespace: "default").items.filter {
      phase == nil || $0[path: ["status", "phase"]]?.stringValue == phase
    }
  }

  /// Ends every pod that has not finished with `phase`.
  func finishRunningPods(_ phase: String) throws {
    let podsType = try resource("v1", "pods")
    for pod in try pods() where JobController.isRunnable(pod) {
      let name = try #require(pod[path: ["metadata", "name"]]?.stringValue)
      _ = cluster.store.update(cluster.key(podsType, namespace: "default", name: name)) { current in
        var ended = current
        ended[path: ["status", "phase"]] = .string(phase)
        return ended
      }
    }
  }

  func condition(_ type: String) throws -> String? {
    try latest()[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == type }?["status"]?
      .stringValue
  }

  @Test func podsRunUpToParallelismUntilTheCompletionsSucceeded() throws {
    try makeNamespace()
    let controller = JobController(cluster: cluster)
    controller.sync(try job(["completions": 3, "parallelism": 2]))
    let first = try pods()
    #expect(first.count == 2)
    #expect(
      first.allSatisfy { $0.labelMap["job-name"] == "work" && $0.labelMap["batch.kubernetes.io/job-name"] == "work" })
    // The status reports the pods a sync finds; the next sync (their ADDED events) counts them.
    controller.sync(try latest())
    #expect(try latest()[path: ["status", "active"]] == 2)
    try finishRunningPods("Succeeded")
    controller.sync(try latest())
    #expect(try pods().count == 3, "only one more completion is missing")
    #expect(try latest()[path: ["status", "succeeded"]] == 2)
    try finishRunningPods("Succeeded")
    controller.sync(try latest())
    #expect(try condition("Complete") == "True")
    #expect(try latest()[path: ["status", "completionTime"]] != nil)
    #expect(try latest()[path: ["status", "active"]] == nil)
    controller.sync(try latest())
    #expect(try pods().count == 3, "a complete Job starts nothing more")
  }

  @Test func aWorkQueueIsCompleteOnceOnePodSucceededAndTheOthersStopped() throws {
    try makeNamespace()
    let controller = JobController(cluster: cluster)
    let created = try job(["parallelism": 2])
    #expect(created[path: ["spec", "completions"]] == nil, "completions default only without parallelism")
    controller.sync(created)
    #expect(try pods().count == 2)
    try finishRunningPods("Succeeded")
    controller.sync(try latest())
    #expect(try condition("Complete") == "True")
    #expect(try pods().count == 2)
  }

  @Test func failuresBeyondTheBackoffLimitFailTheJob() throws {
    try makeNamespace()
    let controller = JobController(cluster: cluster)
    controller.sync(try job(["backoffLimit": 1]))
    try finishRunningPods("Failed")
    controller.sync(try latest())
    #expect(try pods().count == 2, "one retry within the limit")
    #expect(try condition("Failed") == nil)
    try finishRunningPods("Failed")
    controller.sync(try latest())
    #expect(try condition("Failed") == "True")
    let reason = try latest()[path: ["status", "conditions"]]?.arrayValue?.last?["reason"]
    #expect(reason == "BackoffLimitExceeded")
    #expect(try latest()[path: ["status", "failed"]] == 2)
  }

  @Test func aSuspendedJobStopsItsPodsAndResumes() throws {
    try makeNamespace()
    let controller = JobController(cluster: cluster)
    controller.sync(try job([:]))
    #expect(try pods().count == 1)
    let jobs = try resource("batch/v1", "jobs")
    var suspended = try latest()
    suspended[path: ["spec", "suspend"]] = true
    _ = try cluster.update(jobs, namespace: "default", name: "work", object: suspended)
    controller.sync(try latest())
    #expect(try pods().isEmpty, "a pod not yet on a node goes at once")
    #expect(try condition("Suspended") == "True")
    var resumed = try latest()
    resumed[path: ["spec", "suspend"]] = false
    _ = try cluster.update(jobs, namespace: "default", name: "work", object: resumed)
    controller.sync(try latest())
    #expect(try pods().count == 1)
    #expect(try condition("Suspended") == "False")
  }

  @Test func aJobPastItsActiveDeadlineFailsWhenTheDeadlineComes() throws {
    try makeNamespace()
    let controller = JobController(cluster: cluster)
    controller.sync(try job(["activeDeadlineSeconds": 60]))
    controller.sync(try latest())
    clock.advance(by: 59)
    #expect(try condition("Failed") == nil)
    clock.advance(by: 1)
    #expect(try condition("Failed") == "True")
    #expect(try latest()[path: ["status", "conditions"]]?.arrayValue?.last?["reason"] == "DeadlineExceeded")
    #expect(try pods().isEmpty, "a failed Job's pods are deleted")
  }

  @Test func aFinishedJobIsDeletedOnceItsTTLIsUp() throws {
    try makeNamespace()
    let controller = JobController(cluster: cluster)
    controller.sync(try job(["ttlSecondsAfterFinished": 100]))
    try finishRunningPods("Succeeded")
    controller.sync(try latest())
    #expect(try condition("Complete") == "True")
    controller.sync(try latest())
    clock.advance(by: 99)
    #expect(throws: Never.self) { try latest() }
    clock.advance(by: 1)
    #expect(throws: APIError.self) { try latest() }
  }
}
