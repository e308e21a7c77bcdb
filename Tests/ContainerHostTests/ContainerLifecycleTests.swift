import Foundation
import Processes
import TestSupport
import Testing

/// The kubectl versions that speak the WebSocket stream protocols the sandbox serves.
let streamingKubectlVersions = ["1.31", "1.33"]

/// Shell images' containers run for real in a `kubelab sandbox`: their exit codes drive the pod's
/// life (Completed, Error, CrashLoopBackOff, restarts, Jobs), their output is the log kubectl reads.
@Suite struct ContainerLifecycleTests {
  @Test(arguments: streamingKubectlVersions)
  func exitCodesDriveThePodsLifeAndOutputIsTheLog(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      let ran = try await kubectl.run(
        ["run", "done", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo done on $(hostname); exit 0"])
      #expect(ran.status == 0, "\(ran.stderr)")
      try await kubectl.run(["run", "crash", "--image=busybox", "--", "sh", "-c", "echo run at $(date +%s%N); exit 1"])
      try await kubectl.run(["run", "sleeper", "--image=busybox", "--", "sleep", "3600"])

      let completed = try await kubectl.poll(["get", "pod", "done", "--no-headers"]) { $0.contains("Completed") }
      #expect(completed.contains("Completed"), "\(completed)")
      #expect(try await kubectl.run(["logs", "done"]).stdout == "done on done\n")

      // Restarts with back-off: Error, then CrashLoopBackOff, the count rising.
      let looping = try await kubectl.poll(["get", "pod", "crash", "-o", "jsonpath={.status.containerStatuses[0]}"]) {
        $0.contains("\"restartCount\":2") && $0.contains("CrashLoopBackOff")
      }
      #expect(looping.contains("CrashLoopBackOff") && looping.contains("\"exitCode\":1"), "\(looping)")
      // A restart between the two reads makes the current log the previous one, and a run just
      // started may not have written yet: read both again until the restart count held still
      // around them and both runs had written.
      let restarts = ["get", "pod", "crash", "-o", "jsonpath={.status.containerStatuses[0].restartCount}"]
      var (current, previous) = ("", "")
      for _ in 0..<5 {
        let before = try await kubectl.run(restarts).stdout
        current = try await kubectl.run(["logs", "crash"]).stdout
        previous = try await kubectl.run(["logs", "crash", "--previous"]).stdout
        let after = try await kubectl.run(restarts).stdout
        if after == before && !current.isEmpty && !previous.isEmpty { break }
      }
      #expect(current.hasPrefix("run at "), "\(current)")
      #expect(previous.hasPrefix("run at ") && previous != current, "\(previous) vs \(current)")
      let events = try await kubectl.run(["get", "events", "--field-selector", "involvedObject.name=crash"]).stdout
      #expect(events.contains("Back-off restarting failed container crash in pod crash_default"), "\(events)")

      let running = try await kubectl.poll(["get", "pod", "sleeper", "--no-headers"]) { $0.contains("Running") }
      #expect(running.contains("1/1") && running.contains("Running"), "\(running)")
      let stillRunning = try await kubectl.run([
        "get", "pod", "sleeper", "-o", "jsonpath={.status.containerStatuses[0].restartCount}",
      ])
      #expect(stillRunning.stdout == "0")
      #expect(
        try await kubectl.run(["logs", "sleeper", "--previous"]).stderr.contains(
          "previous terminated container \"sleeper\" in pod \"sleeper\" not found"))
    }
  }

  /// `kubectl logs POD -c INIT` reads a finished init container's output, as on a real node.
  @Test func anInitContainersLogIsReadByItsName() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: sandbox.kubeconfig))
      let manifest = """
        apiVersion: v1
        kind: Pod
        metadata: { name: staged }
        spec:
          initContainers: [{ name: migrate, image: busybox, command: [sh, -c, "echo schema $((3 * 4))"] }]
          containers: [{ name: app, image: busybox, command: [sleep, "3600"] }]
        """
      let applied = try await kubectl.run(["apply", "-f", "-"], input: manifest)
      #expect(applied.status == 0, "\(applied.stderr)")
      let running = try await kubectl.poll(["get", "pod", "staged", "--no-headers"]) { $0.contains("Running") }
      #expect(running.contains("Running"), "\(running)")
      let log = try await kubectl.run(["logs", "staged", "-c", "migrate"])
      #expect(log.stdout == "schema 12\n", "\(log.stderr)")
    }
  }

  @Test(arguments: streamingKubectlVersions)
  func followedLogsEndWithTheProcessAndHonourTailSinceAndTimestamps(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      try await kubectl.run([
        "run", "ticker", "--image=busybox", "--restart=Never", "--", "sh", "-c",
        "for i in 1 2 3; do echo tick $i; sleep 1; done",
      ])
      _ = try await kubectl.poll(["get", "pod", "ticker", "--no-headers"]) { !$0.contains("ContainerCreating") }
      let followed = try await kubectl.run(["logs", "-f", "ticker"], timeout: 30)
      #expect(followed.stdout == "tick 1\ntick 2\ntick 3\n", "\(followed.stderr)")
      #expect(try await kubectl.run(["logs", "ticker", "--tail=1"]).stdout == "tick 3\n")
      let stamped = try await kubectl.run(["logs", "ticker", "--timestamps"]).stdout
      let pattern = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z tick 1$/#
      #expect(stamped.split(separator: "\n").first.map { $0.wholeMatch(of: pattern) != nil } == true, "\(stamped)")
      #expect(try await kubectl.run(["logs", "ticker", "--since=1h"]).stdout == "tick 1\ntick 2\ntick 3\n")
    }
  }

  @Test(arguments: streamingKubectlVersions)
  func aJobOfAFailingShellFailsAfterItsBackoffLimit(version: String) async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
      let job = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: fails}
        spec:
          backoffLimit: 1
          template:
            spec:
              restartPolicy: Never
              containers: [{name: main, image: busybox, command: [sh, -c, "exit 1"]}]
        """
      #expect(try await kubectl.run(["apply", "-f", "-"], input: job).status == 0)
      let failed = try await kubectl.poll(["get", "job", "fails", "-o", "jsonpath={.status.conditions[*].reason}"]) {
        $0.contains("BackoffLimitExceeded")
      }
      #expect(failed.contains("BackoffLimitExceeded"), "\(failed)")
      let pods = try await kubectl.run(["get", "pods", "-l", "job-name=fails", "--no-headers"]).stdout
      #expect(
        pods.split(separator: "\n").count == 2 && pods.split(separator: "\n").allSatisfy { $0.contains("Error") },
        "\(pods)")
    }
  }

  @Test func execProbesRunInTheContainer() async throws {
    try await TestGate.heavyTests.run {
      let sandbox = try SandboxProcess()
      defer { _ = sandbox.stop() }
      let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: sandbox.kubeconfig))
      func pod(_ name: String, _ script: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name)}
        spec:
          containers:
          - name: main
            image: busybox
            command: [sh, -c, "\(script)"]
            readinessProbe: {exec: {command: [cat, /tmp/healthy]}, periodSeconds: 2}
        """
      }
      try await kubectl.run(["apply", "-f", "-"], input: pod("healthy", "touch /tmp/healthy; sleep 3600"))
      try await kubectl.run(["apply", "-f", "-"], input: pod("sick", "sleep 3600"))
      let ready = try await kubectl.poll(["get", "pod", "healthy", "--no-headers"]) { $0.contains("1/1") }
      #expect(ready.contains("1/1"), "\(ready)")
      let events = try await kubectl.poll(["get", "events", "--field-selector", "involvedObject.name=sick"]) {
        $0.contains("Readiness probe failed")
      }
      #expect(
        events.contains("Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory"),
        "\(events)")
      #expect(try await kubectl.run(["get", "pod", "sick", "--no-headers"]).stdout.contains("0/1"))
    }
  }

  /// No container process outlives its sandbox: not after SIGTERM, and after SIGKILL the next
  /// sandbox on the same state folder finds none left.
  @Test func noContainerProcessOutlivesItsSandbox() async throws {
    try await TestGate.heavyTests.run {
      // A folder neither sandbox owns, so neither takes it away when it goes.
      let folder = TestScratch.path("sandbox-")
      let first = try SandboxProcess(stateFolder: folder)
      let kubectl = try #require(Kubectl(version: "1.33", kubeconfig: first.kubeconfig))
      try await kubectl.run(["run", "sleeper", "--image=busybox", "--", "sleep", "3600"])
      _ = try await kubectl.poll(["get", "pod", "sleeper", "--no-headers"]) { $0.contains("Running") }
      #expect(Self.containerProcesses(first.stateFolder).count >= 1)
      first.process.end(with: SIGKILL)
      let second = try SandboxProcess(stateFolder: folder)
      #expect(Self.containerProcesses(first.stateFolder).isEmpty)
      let kubectl2 = try #require(Kubectl(version: "1.33", kubeconfig: second.kubeconfig))
      try await kubectl2.run(["run", "sleeper", "--image=busybox", "--", "sleep", "3600"])
      _ = try await kubectl2.poll(["get", "pod", "sleeper", "--no-headers"]) { $0.contains("Running") }
      #expect(Self.containerProcesses(second.stateFolder).count >= 1)
      #expect(second.stop() == .exited(0))
      #expect(Self.containerProcesses(second.stateFolder).isEmpty)
    }
  }

  /// Processes whose command line names the sandbox's state folder: its containers' bubblewraps.
  static func containerProcesses(_ stateFolder: String) -> [String] {
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return pids.filter { pid in
      guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
        return false
      }
      let line = String(decoding: data, as: UTF8.self)
      return line.contains(stateFolder) && line.contains("bwrap")
    }
  }
}
