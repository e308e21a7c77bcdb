import Foundation
import Processes

/// Starts `kubelab sandbox` in the background, outliving the command that started it, for the
/// multi-command flow (`start --sandbox`, then kubectl, `check`, `stop` from other shells).
enum DetachedSandbox {
  static var logPath: String { SandboxRecord.folder + "/sandbox.log" }

  /// Launches this executable's `sandbox` command in a session of its own (so closing the
  /// terminal does not end it) and waits until it has recorded itself.
  static func launch(topology: String, timeout: Duration = .seconds(60)) async throws -> SandboxRecord {
    try FileManager.default.createDirectory(atPath: SandboxRecord.folder, withIntermediateDirectories: true)
    var command = ProcessCommand.inheritingEnvironment(
      Self.executable, ["sandbox", "--topology", topology, "--detached"])
    command.output = .file(logPath, flags: O_WRONLY | O_CREAT | O_TRUNC)
    command.error = .sameAs(1)
    command.newSession = true
    _ = try SpawnedProcess(command)
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let record = SandboxRecord.running(), record.detached, record.topology == topology { return record }
      try await Task.sleep(for: .milliseconds(50))
    }
    let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    throw SandboxLaunchError(log: output.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Ends a sandbox and waits (a little) for it to go, so a following start gets a fresh one.
  /// The pid is signalled only while it still names the recorded process (same start time).
  static func stop(_ record: SandboxRecord) async {
    if record.isRunning { kill(record.pid, SIGTERM) }
    for _ in 0..<100 where record.isRunning {
      try? await Task.sleep(for: .milliseconds(50))
    }
    try? FileManager.default.removeItem(atPath: SandboxRecord.path)
  }

  /// This very executable, however it was invoked (a PATH name, a symlink, a relative path).
  private static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}

struct SandboxLaunchError: Error, CustomStringConvertible {
  var log: String
  var description: String {
    "the sandbox did not start within a minute" + (log.isEmpty ? "" : ": \(log)")
  }
}
