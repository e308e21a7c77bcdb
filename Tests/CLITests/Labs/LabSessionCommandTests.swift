import Foundation
import KubeModel
import Processes
import TestSupport
import Testing

/// The multi-command flow on a running `kubelab sandbox`: start, tasks, answer, hint, solution,
/// check, status, stop; grading errors under injected faults; a session that survives kill -9.
@Suite struct LabSessionCommandTests {
  /// A plain-HTTP sandbox of its own (faults are injected with curl) and a learner's state.
  private func setUp() throws -> (SandboxProcess, KubelabRun) {
    let sandbox = try SandboxProcess(arguments: ["--no-tls"])
    var run = try KubelabRun()
    run.extraEnvironment["KUBECONFIG"] = sandbox.kubeconfig
    return (sandbox, run)
  }

  private func curl(_ arguments: [String]) async throws -> String {
    try await ProcessRunner.run("/usr/bin/curl", ["-s"] + arguments).stdout
  }

  @Test func answersHintsSolutionsAndScoresAreRecorded() async throws {
    try await TestGate.heavyTests.run {
      let (sandbox, run) = try setUp()
      defer { _ = sandbox.stop() }
      let started = try await run(["start", "sample"])
      #expect(started.status == 0, "\(started.stdout)\(started.stderr)")
      #expect(started.stdout.contains("Sample lab: 11 tasks, 15m"))
      #expect(FileManager.default.fileExists(atPath: run.workdir + "/files/redis.yaml"))

      let tasks = try await run(["tasks"])
      #expect(tasks.stdout.contains("pod-count"))
      #expect(tasks.stdout.contains("not checked"))

      let wrong = try await run(["answer", "1", "7"])
      #expect(wrong.status == 1)
      #expect(wrong.stdout.hasPrefix("✗ Not right (0/1)"))
      let right = try await run(["answer", "pod-count", "2"])
      #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
      #expect(right.stdout == "✔ Correct (1/1)\n")

      let action = try await run(["answer", "create-redis", "done"])
      #expect(action.status == 64)
      #expect(action.stderr.contains("create-redis is an action"))

      let hint = try await run(["hint", "1"])
      #expect(hint.stdout == "Hint 1/2: Run kubectl get pods -n sample.\n")
      let secondHint = try await run(["hint", "1"])
      #expect(secondHint.stdout.contains("Hint 2/2: Count the rows."))

      let solution = try await run(["solution", "create-config"])
      #expect(solution.stdout.hasPrefix("kubectl apply -f - <<'EOF'\n"))
      #expect(solution.stdout.contains("name: app-config"))

      let (status, statusJSON) = try await run.json(["status"])
      #expect(status.status == 0, "\(status.stderr)")
      let rows = statusJSON?["rows"]?.arrayValue ?? []
      let podCount = rows.first { $0["id"]?.stringValue == "pod-count" }
      #expect(podCount?["earned"]?.doubleValue == 1)
      #expect(podCount?["hints"]?.intValue == 2)
      let config = rows.first { $0["id"]?.stringValue == "create-config" }
      #expect(config?["solutionRevealed"]?.boolValue == true)

      let (check, report) = try await run.json(["check", "pod-count", "11"])
      #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
      #expect(report?["reads"]?.intValue == 2)
      let graded = report?["tasks"]?.arrayValue ?? []
      #expect(graded.count == 2)
      #expect(graded.first { $0["id"]?.stringValue == "pod-count" }?["status"]?.stringValue == "passed")
      #expect(graded.first { $0["id"]?.stringValue == "create-config" }?["status"]?.stringValue == "failed")

      let stopped = try await run(["stop"])
      #expect(stopped.status == 0, "\(stopped.stderr)")
      let afterStop = try await run(["tasks"])
      #expect(afterStop.status == 64)
      #expect(afterStop.stderr.contains("no lab is started"))
    }
  }

  @Test func faultsMakeErrorsNotFailsAndKeepTheScore() async throws {
    try await TestGate.heavyTests.run(long: true) {
      let (sandbox, run) = try setUp()
      defer { _ = sandbox.stop() }
      #expect(try await run(["start", "sample"]).status == 0)
      #expect(try await run(["answer", "pod-count", "2"]).status == 0)
      await #expect(
        try curl(["-X", "POST", "--data", "status:503*400", sandbox.url + "/debug/faults"]) == "queued 400 faults\n")
      let failing = try await run(["check"], timeout: 180)
      _ = try await curl(["-X", "DELETE", sandbox.url + "/debug/faults"])
      #expect(failing.status == 3, "\(failing.stdout)\(failing.stderr)")
      #expect(failing.stdout.contains("error"))
      #expect(failing.stdout.contains("could not check"))
      #expect(!failing.stdout.contains("failed"))
      let (_, status) = try await run.json(["status"])
      let podCount = (status?["rows"]?.arrayValue ?? []).first { $0["id"]?.stringValue == "pod-count" }
      #expect(podCount?["earned"]?.doubleValue == 1)
      #expect(podCount?["status"]?.stringValue == "passed")
    }
  }

  /// `start --labs DIR`, then answer, hint, check and status from another folder without `--labs`:
  /// the session remembers where the lab came from.
  @Test func aStartedLabIsFoundFromAnyFolder() async throws {
    try await TestGate.heavyTests.run {
      let (sandbox, base) = try setUp()
      defer { _ = sandbox.stop() }
      let library = NSTemporaryDirectory() + "kubelab-library-" + UUID().uuidString
      defer { try? FileManager.default.removeItem(atPath: library) }
      try FileManager.default.createDirectory(atPath: library + "/Labs", withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: library + "/Graders", withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: KubelabRun.repository + "/Labs/sample", toPath: library + "/Labs/sample")
      try FileManager.default.copyItem(
        atPath: KubelabRun.repository + "/Graders/sample.yaml", toPath: library + "/Graders/sample.yaml")
      var run = base
      run.extraEnvironment["KUBELAB_LABS"] = ""
      let started = try await run(["start", "sample", "--labs", library])
      #expect(started.status == 0, "\(started.stdout)\(started.stderr)")

      run.workdir = NSTemporaryDirectory() + "kubelab-elsewhere-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: run.workdir, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: run.workdir) }
      let answer = try await run(["answer", "pod-count", "2"])
      #expect(answer.status == 0, "\(answer.stdout)\(answer.stderr)")
      let hint = try await run(["hint", "pod-count"])
      #expect(hint.stdout.contains("Hint 1/2"), "\(hint.stdout)\(hint.stderr)")
      let check = try await run(["check", "create-config"])
      #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("create-config"))
      let status = try await run(["status"])
      #expect(status.status == 0, "\(status.stdout)\(status.stderr)")
      #expect(status.stdout.contains("pod-count"))
      #expect(!(answer.stderr + hint.stderr + check.stderr + status.stderr).contains("no lab"))
    }
  }

  @Test func aKilledAnswerLeavesAReadableSession() async throws {
    try await TestGate.heavyTests.run {
      let (sandbox, run) = try setUp()
      defer { _ = sandbox.stop() }
      #expect(try await run(["start", "sample"]).status == 0)
      for attempt in 0..<12 {
        var command = ProcessCommand.inheritingEnvironment(
          try BuiltProducts.kubelab(), ["answer", "pod-count", String(attempt % 3)], overrides: run.environment)
        command.directory = run.workdir
        command.output = .nullDevice
        command.error = .nullDevice
        let process = try SpawnedProcess(command)
        // Not a wait for a state: the kill lands at a later moment of each attempt (before,
        // during and after the session write), which is what the test is about.
        try await Task.sleep(for: .milliseconds(attempt * 25))
        process.end(with: SIGKILL)
        let (status, json) = try await run.json(["status"])
        #expect(status.status == 0, "attempt \(attempt): \(status.stderr)")
        #expect(json?["lab"]?.stringValue == "sample")
      }
      // The next write clears what killed writers left half-made.
      let answered = try await run(["answer", "pod-count", "2"])
      #expect(answered.status == 0, "\(answered.stderr)")
      let sessions = try FileManager.default.contentsOfDirectory(atPath: run.state + "/kubelab/sessions")
      #expect(!sessions.contains { $0.contains(".tmp") }, "\(sessions)")
    }
  }
}
