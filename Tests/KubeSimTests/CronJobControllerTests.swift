import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The CronJob controller on a cluster without HTTP: a manual clock brings each schedule time, so a
/// five-minute schedule is checked without waiting a minute.
@Suite struct CronJobControllerTests {
  /// 10:02:30 UTC, two and a half minutes before a `*/5` schedule's next run.
  let clock = ManualClock(now: ISO8601DateFormatter().date(from: "2026-03-01T10:02:30Z")!)
  let cluster: Cluster

  init() throws {
    cluster = Cluster(clock: clock)
    _ = try cluster.create(try resource("v1", "namespaces"), namespace: nil, object: ["metadata": ["name": "default"]])
  }

  func resource(_ groupVersion: String, _ plural: String) throws -> ServedResource {
    try #require(cluster.catalog.resource(groupVersion: groupVersion, plural: plural))
  }

  func jobNames() throws -> [String] {
    cluster.list(try resource("batch/v1", "jobs"), namespace: "default").items.compactMap {
      $0[path: ["metadata", "name"]]?.stringValue
    }.sorted()
  }

  @Test func aJobStartsAtEachScheduleTimeAndNotBefore() throws {
    let cronJob = try cluster.create(
      try resource("batch/v1", "cronjobs"), namespace: "default",
      object: [
        "metadata": ["name": "report"],
        "spec": [
          "schedule": "*/5 * * * *",
          "jobTemplate": [
            "spec": [
              "template": ["spec": ["restartPolicy": "Never", "containers": [["name": "r", "image": "busybox"]]]]
            ]
          ],
        ],
      ]
    ).object
    let controller = CronJobController(cluster: cluster)
    controller.sync(cronJob)
    #expect(try jobNames().isEmpty)
    clock.advance(by: 149)
    #expect(try jobNames().isEmpty, "10:04:59 is before the schedule")
    clock.advance(by: 1)
    // Jobs are named after the minutes since the epoch of their schedule time.
    let first = Int(ISO8601DateFormatter().date(from: "2026-03-01T10:05:00Z")!.timeIntervalSince1970 / 60)
    #expect(try jobNames() == ["report-\(first)"])
    clock.advance(by: 300)
    #expect(try jobNames() == ["report-\(first)", "report-\(first + 5)"])
    let status = try cluster.get(try resource("batch/v1", "cronjobs"), namespace: "default", name: "report")["status"]
    #expect(status?["lastScheduleTime"] == "2026-03-01T10:10:00Z")
  }
}
