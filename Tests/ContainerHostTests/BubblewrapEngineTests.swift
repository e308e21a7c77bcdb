import ContainerHost
import Foundation
import KubeSim
import Processes
import Synchronization
import TestSupport
import Testing

/// The engine on its own: a container's command runs in bubblewrap with busybox, its output and
/// exit code come back, and no process outlives a stop, a shutdown or a killed sandbox.
@Suite struct BubblewrapEngineTests {
  /// What one container run reported: its output so far and its exit code once it has exited.
  final class Report: Sendable {
    private let state = Mutex<(text: String, code: Int?)>(("", nil))
    func add(_ piece: String) { state.withLock { $0.text += piece } }
    func exit(_ value: Int) { state.withLock { $0.code = value } }
    var output: String { state.withLock { $0.text } }
    var exitCode: Int? { state.withLock { $0.code } }

    /// Waits for the exit; polls because the engine reports it from its own thread.
    func waitForExit() async throws -> Int? {
      for _ in 0..<600 where exitCode == nil { try await Task.sleep(for: .milliseconds(50)) }
      return exitCode
    }
  }

  static func launch(_ arguments: [String], id: String = UUID().uuidString, environment: [(String, String)] = [])
    -> ContainerLaunch
  {
    ContainerLaunch(
      containerID: id, podUID: "uid-\(id)", namespace: "default", podName: "web-1", containerName: "main",
      image: "busybox", arguments: arguments, environment: environment.map { (name: $0.0, value: $0.1) },
      workingDirectory: nil)
  }

  static func folder() -> String { NSTemporaryDirectory() + "kubelab-engine-test-" + UUID().uuidString }

  func start(_ engine: BubblewrapEngine, _ launch: ContainerLaunch) throws -> Report {
    let report = Report()
    try engine.start(launch, output: { report.add($0) }, exited: { report.exit($0) })
    return report
  }

  @Test func aShellCommandRunsWithBusyboxAndReportsItsExitCode() async throws {
    let engine = try BubblewrapEngine(root: Self.folder())
    defer { engine.shutdown() }
    let report = try start(
      engine,
      Self.launch(
        ["sh", "-c", "echo hello $GREETING; hostname; echo oops >&2; ls /bin/wget; ls /usr/bin/bash; exit 3"],
        environment: [("GREETING", "world")]))
    #expect(try await report.waitForExit() == 3)
    let output = report.output
    #expect(output.hasPrefix("hello world\nweb-1\noops\n/bin/wget\n"), "\(output)")
    // Busybox is the userland: the host's programs are not there.
    #expect(output.contains("/usr/bin/bash: No such file or directory"), "\(output)")
  }

  @Test func thereIsNoRouteOut() async throws {
    let engine = try BubblewrapEngine(root: Self.folder())
    defer { engine.shutdown() }
    let report = try start(engine, Self.launch(["sh", "-c", "wget -q -T 2 -O- http://1.1.1.1/ || echo no route"]))
    #expect(try await report.waitForExit() == 0)
    #expect(report.output.hasSuffix("no route\n"), "\(report.output)")
  }

  @Test func stopEndsTheProcessAndItsChildren() async throws {
    let engine = try BubblewrapEngine(root: Self.folder())
    defer { engine.shutdown() }
    let id = UUID().uuidString
    let report = try start(engine, Self.launch(["sh", "-c", "sleep 3600 & echo started; sleep 3600"], id: id))
    // The output proves the shell runs before it is stopped.
    for _ in 0..<200 where !report.output.contains("started") { try await Task.sleep(for: .milliseconds(50)) }
    #expect(report.output == "started\n")
    engine.stop(containerID: id)
    #expect(try await report.waitForExit() == 137)
    #expect(Self.sleepers(id).isEmpty)
  }

  @Test func aNewEngineKillsWhatADeadSandboxLeftBehindAndSparesALiveOnes() async throws {
    let root = Self.folder()
    try FileManager.default.createDirectory(atPath: root + "/processes", withIntermediateDirectories: true)
    // Two stand-ins for container processes: one of a sandbox that is gone (an exited process
    // stands for it), one of a sandbox that still runs (this test).
    let orphan = try Self.sleeper()
    let kept = try Self.sleeper()
    let gone = try SpawnedProcess(ProcessCommand("/bin/true", environment: [:]))
    gone.waitUntilExit()
    func record(_ name: String, _ process: SpawnedProcess, owner: Int32, ownerStart: String) throws {
      let start = try Self.startTime(process.pid)
      try "\(process.pid) \(start) \(owner) \(ownerStart)\n".write(
        toFile: root + "/processes/" + name, atomically: true, encoding: .utf8)
    }
    try record("orphan", orphan, owner: gone.pid, ownerStart: "1")
    try record("kept", kept, owner: getpid(), ownerStart: try Self.startTime(getpid()))
    let engine = try BubblewrapEngine(root: root)
    defer { engine.shutdown() }
    #expect(orphan.waitUntilExit() == .signalled(SIGKILL))
    #expect(kept.isRunning)
    kept.end(with: SIGKILL)
  }

  static func sleeper() throws -> SpawnedProcess {
    var command = ProcessCommand("/bin/sleep", ["3600"], environment: [:])
    // Not the test's own output: a sleeper that outlived the test would hold swift test's pipes.
    command.output = .nullDevice
    command.error = .nullDevice
    return try SpawnedProcess(command)
  }

  /// Field 22 of /proc/PID/stat, as the engine records it.
  static func startTime(_ pid: Int32) throws -> String {
    let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
    let fields = stat[stat.index(after: try #require(stat.lastIndex(of: ")")))...].split(separator: " ")
    return String(fields[19])
  }

  /// The pids of processes whose command line mentions the container's folder, i.e. its bwrap.
  static func sleepers(_ id: String) -> [String] {
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return pids.filter { pid in
      guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
        return false
      }
      return String(decoding: data, as: UTF8.self).contains("uid-\(id)")
    }
  }
}
