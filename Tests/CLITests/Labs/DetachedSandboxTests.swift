import Foundation
import KubeModel
import TestSupport
import Testing

/// `start --sandbox` with no sandbox running launches one that outlives the command; later
/// commands reach it with `--sandbox`, and `stop` ends it.
@Suite struct DetachedSandboxTests {
  @Test func startLaunchesASandboxThatStopEnds() async throws {
    try await HeavyTestGate.run {
      let run = try KubelabRun()
      let record = run.state + "/kubelab/sandbox/sandbox.json"
      defer {
        // Whatever happened, no sandbox outlives the test.
        if let data = FileManager.default.contents(atPath: record), let json = try? JSON(parsing: data),
          let pid = json["pid"]?.intValue
        {
          kill(pid_t(pid), SIGKILL)
        }
      }
      let started = try await run(["start", "sample", "--sandbox"], timeout: 180)
      #expect(started.status == 0, "\(started.stdout)\(started.stderr)")
      #expect(started.stdout.contains("export KUBECONFIG=\(run.state)/kubelab/sandbox/kubeconfig"))
      let pid = try #require(try JSON(parsing: try Data(contentsOf: URL(fileURLWithPath: record)))["pid"]?.intValue)
      #expect(running(pid))

      let answer = try await run(["answer", "pod-count", "2", "--sandbox"])
      #expect(answer.status == 0, "\(answer.stdout)\(answer.stderr)")
      let again = try await run(["start", "sample", "--sandbox"])
      #expect(again.stdout.contains("already started"))

      let stopped = try await run(["stop", "--sandbox"])
      #expect(stopped.status == 0, "\(stopped.stderr)")
      #expect(stopped.stdout.contains("and its sandbox"))
      #expect(!FileManager.default.fileExists(atPath: record))
      #expect(!running(pid))
      let after = try await run(["tasks", "--sandbox"])
      #expect(after.status == 64)
      #expect(after.stderr.contains("no sandbox is running"))
    }
  }

  /// Alive and not a zombie (nothing may reap an orphan in a container).
  private func running(_ pid: Int) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    return !stat.contains(") Z ")
  }
}
