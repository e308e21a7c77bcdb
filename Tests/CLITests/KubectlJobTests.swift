import Foundation
import TestSupport
import Testing

/// Jobs and CronJobs in the sandbox: the job controller runs pods until enough succeeded or too
/// many failed, `kubectl wait` sees the condition, and a CronJob starts Jobs on its schedule.
@Suite struct KubectlJobTests {
  /// `kubectl wait --for=condition=<condition> job/<job>`, run once the condition holds so that
  /// the wait never holds one of the suite's few threads for long.
  func wait(_ kubectl: Kubectl, _ condition: String, _ job: String, _ namespace: String) async throws
    -> ProcessOutput
  {
    let type = condition.prefix(1).uppercased() + condition.dropFirst()
    try await kubectl.poll(
      ["get", "job", job, "-n", namespace, "-o", "jsonpath={.status.conditions[?(@.type==\"\(type)\")].status}"],
      seconds: 60
    ) { $0 == "True" }
    return try await kubectl.run(
      ["wait", "--for=condition=\(condition)", "job/\(job)", "-n", namespace, "--timeout=10s"], timeout: 30)
  }

  @Test(arguments: testedKubectlVersions)
  func aJobRunsItsPodToCompletion(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let created = try await kubectl("create job hello --image=busybox -n \(namespace) -- echo hi")
    #expect(created.status == 0, "\(created.stderr)")
    let waited = try await wait(kubectl, "complete", "hello", namespace)
    #expect(waited.status == 0, "\(waited.stderr)")
    #expect(waited.stdout == "job.batch/hello condition met\n", "\(waited.stdout)")
    let row = try await kubectl("get jobs hello -n \(namespace) --no-headers").stdout
    #expect(row.contains("1/1"), "\(row)")
    if version != "1.27" { #expect(row.contains("Complete"), "\(row)") }
    let pods = try await kubectl("get pods -l job-name=hello -n \(namespace) --no-headers").stdout
    let lines = pods.split(separator: "\n")
    #expect(lines.count == 1 && pods.contains("Completed"), "\(pods)")
    let owner = try await kubectl.run([
      "get", "pods", "-l", "batch.kubernetes.io/job-name=hello", "-n", namespace, "-o",
      "jsonpath={.items[0].metadata.ownerReferences[0].kind}/{.items[0].metadata.ownerReferences[0].name}",
    ]).stdout
    #expect(owner == "Job/hello")
    let logs = try await kubectl("logs job/hello -n \(namespace)")
    #expect(logs.stdout == "hi\n", "\(logs.stdout)\(logs.stderr)")
    let status = try await kubectl.run([
      "get", "job", "hello", "-n", namespace, "-o",
      "jsonpath={.status.succeeded} {.status.ready} {.status.startTime!=''} {.status.completionTime}",
    ]).stdout
    #expect(status.hasPrefix("1 0 "), "\(status)")
  }

  @Test(arguments: testedKubectlVersions)
  func parallelPodsAddUpToTheCompletions(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifest = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: batch}
      spec:
        completions: 3
        parallelism: 2
        template:
          spec:
            restartPolicy: Never
            containers: [{name: work, image: busybox, command: [sh, -c, "sleep 5"]}]
      """
    let applied = try await kubectl.run(["apply", "-n", namespace, "-f", "-"], input: manifest)
    #expect(applied.status == 0, "\(applied.stderr)")
    let waited = try await wait(kubectl, "complete", "batch", namespace)
    #expect(waited.status == 0, "\(waited.stderr)")
    // Parallelism is read from what the pods recorded, not sampled while they run (a loaded
    // machine may poll too rarely to catch two active at once): at most two ran at any moment,
    // and two did run together.
    let spans = try await kubectl.run([
      "get", "pods", "-l", "job-name=batch", "-n", namespace, "-o",
      "jsonpath={range .items[*]}{.status.containerStatuses[0].state.terminated.startedAt} "
        + "{.status.containerStatuses[0].state.terminated.finishedAt}{\"\\n\"}{end}",
    ]).stdout
    let edges = spans.split(separator: "\n").flatMap { line -> [(String, Int)] in
      let times = line.split(separator: " ").map(String.init)
      return times.count == 2 ? [(times[0], 1), (times[1], -1)] : []
    }
    // Sorted by time, a finish before a start at the same second: a pod that ends as the next
    // begins did not run beside it.
    let running = edges.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.reduce(into: (now: 0, most: 0)) {
      $0.now += $1.1
      $0.most = max($0.most, $0.now)
    }
    #expect(edges.count == 6, "every pod recorded its run: \(spans)")
    #expect(running.most == 2, "parallelism caps the active pods at two: \(spans)")
    let row = try await kubectl("get jobs batch -n \(namespace) --no-headers").stdout
    #expect(row.contains("3/3"), "\(row)")
    let pods = try await kubectl("get pods -l job-name=batch -n \(namespace) -o name").stdout
    #expect(pods.split(separator: "\n").count == 3, "\(pods)")
  }

  @Test(arguments: testedKubectlVersions)
  func aFailingJobStopsAtItsBackoffLimit(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifest = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: broken}
      spec:
        backoffLimit: 1
        template:
          spec:
            restartPolicy: Never
            containers: [{name: work, image: busybox, command: [sh, -c, "exit 1"]}]
      """
    let applied = try await kubectl.run(["apply", "-n", namespace, "-f", "-"], input: manifest)
    #expect(applied.status == 0, "\(applied.stderr)")
    let waited = try await wait(kubectl, "failed", "broken", namespace)
    #expect(waited.status == 0, "\(waited.stderr)")
    let status = try await kubectl.run([
      "get", "job", "broken", "-n", namespace, "-o",
      "jsonpath={.status.failed} {.status.conditions[?(@.type==\"Failed\")].reason}",
    ]).stdout
    #expect(status == "2 BackoffLimitExceeded", "\(status)")
    let pods = try await kubectl("get pods -l job-name=broken -n \(namespace) --no-headers").stdout
    #expect(pods.split(separator: "\n").count == 2 && pods.contains("Error"), "\(pods)")
    if version != "1.27" {
      let row = try await kubectl("get jobs broken -n \(namespace) --no-headers").stdout
      #expect(row.contains("Failed") && row.contains("0/1"), "\(row)")
    }
  }

  @Test(arguments: testedKubectlVersions)
  func aCronJobStartsJobsOnItsSchedule(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let created = try await kubectl.run([
      "create", "cronjob", "tick", "--image=busybox", "--schedule=* * * * *", "-n", namespace, "--", "echo", "tick",
    ])
    #expect(created.status == 0, "\(created.stderr)")
    let manual = try await kubectl("create job manual --from=cronjob/tick -n \(namespace)")
    #expect(manual.status == 0, "\(manual.stderr)")
    #expect(try await wait(kubectl, "complete", "manual", namespace).status == 0)
    // The next minute boundary comes within 60 seconds.
    let scheduled = try await kubectl.poll(
      ["get", "jobs", "-n", namespace, "-o", "jsonpath={.items[*].metadata.name}"], seconds: 90
    ) { $0.split(separator: " ").contains { $0.hasPrefix("tick-") } }
    let name = try #require(scheduled.split(separator: " ").first { $0.hasPrefix("tick-") })
    let minutes = try #require(Int(name.dropFirst("tick-".count)))
    #expect(abs(Double(minutes * 60) - Date().timeIntervalSince1970) < 300, "\(name) names the scheduled minute")
    #expect(try await wait(kubectl, "complete", String(name), namespace).status == 0)
    // The CronJob controller records the success once it hears the Job completed, just after.
    let cronJob = try await kubectl.poll([
      "get", "cronjob", "tick", "-n", namespace, "-o",
      "jsonpath={.status.lastScheduleTime} {.status.lastSuccessfulTime}",
    ]) { $0.split(separator: " ").count == 2 }
    #expect(cronJob.split(separator: " ").count == 2, "\(cronJob)")
  }

  @Test(arguments: testedKubectlVersions)
  func aMalformedScheduleIsRejected(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let refused = try await kubectl.run([
      "create", "cronjob", "bad", "--image=busybox", "--schedule=* * *", "-n", namespace,
    ])
    #expect(refused.status != 0)
    #expect(
      refused.stderr.contains("spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3"),
      "\(refused.stderr)")
    #expect(try await kubectl("get cronjobs -n \(namespace) -o name").stdout.isEmpty)
  }
}
