import Foundation
import KubeModel
import Processes
import TestSupport
import Testing

/// `start --sandbox` with no sandbox running launches one that outlives the command; later
/// commands reach it with `--sandbox`, and `stop` ends it.
@Suite struct DetachedSandboxTests {
  @Test func startLaunchesASandboxThatStopEnds() async throws {
    try await TestGate.heavyTests.run {
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
      // A record left behind whose pid now names another process (of ours, of another topology):
      // `start` must launch a sandbox of its own without signalling that process.
      let stranger = try Stranger()
      defer { stranger.end() }
      try stranger.writeRecord(in: run, topology: "kubeadm-ha")
      let started = try await run(["start", "sample", "--sandbox"], timeout: 180)
      #expect(stranger.isAlive)
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

  /// `stop` finds a record whose pid was given to another process since: it treats the sandbox
  /// as ended, removes the record, and leaves that process alone.
  @Test func stopNeverSignalsAProcessThatReusedTheRecordedPid() async throws {
    let run = try KubelabRun()
    let stranger = try Stranger()
    defer { stranger.end() }
    try stranger.writeRecord(in: run, topology: "kubeadm")
    let stopped = try await run(["stop", "--sandbox"])
    #expect(stopped.status == 64, "\(stopped.stdout)\(stopped.stderr)")
    #expect(stopped.stderr.contains("no sandbox is running"))
    #expect(stranger.isAlive)
    #expect(!FileManager.default.fileExists(atPath: run.state + "/kubelab/sandbox/sandbox.json"))
  }

  /// Alive and not a zombie (nothing may reap an orphan in a container).
  private func running(_ pid: Int) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    return !stat.contains(") Z ")
  }
}

/// A live process of the test's own that plays a stranger: the recorded sandbox's pid now names
/// it, but it started at another time than the record says.
private struct Stranger {
  let process: SpawnedProcess

  /// Its output goes to /dev/null: it must hold none of the test run's pipes.
  init() throws {
    var command = ProcessCommand("/bin/sleep", ["600"], environment: [:])
    command.output = .nullDevice
    command.error = .nullDevice
    process = try SpawnedProcess(command)
  }

  var isAlive: Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(process.pid)/stat", encoding: .utf8)
    else { return false }
    return process.isRunning && !stat.contains(") Z ")
  }

  /// A sandbox record naming this process's pid with a start time one tick off its real one.
  func writeRecord(in run: KubelabRun, topology: String) throws {
    let stat = try String(contentsOfFile: "/proc/\(process.pid)/stat", encoding: .utf8)
    let fields = stat[stat.range(of: ") ", options: .backwards)!.upperBound...].split(separator: " ")
    let startTime = try #require(UInt64(fields[19]))
    let folder = run.state + "/kubelab/sandbox"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let record: JSON = [
      "pid": .int(Int(process.pid)), "startTime": .int(Int(startTime + 1)),
      "url": "https://127.0.0.1:1", "kubeconfig": .string(folder + "/kubeconfig"), "topology": .string(topology),
      "detached": true,
    ]
    try Data(record.serialized().utf8).write(to: URL(fileURLWithPath: folder + "/sandbox.json"))
  }

  func end() {
    process.end(with: SIGKILL)
  }
}
