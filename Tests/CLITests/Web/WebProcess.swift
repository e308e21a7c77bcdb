import Foundation
import TestSupport

/// A `kubelab web` child process of a `KubelabRun`, with the URL it printed, kubelab and kubectl
/// on its PATH (its terminals run them), and its stderr kept in a file to read afterwards.
final class WebProcess: @unchecked Sendable {
  let process = Process()
  let url: String
  private let stderrFile: String

  init(run: KubelabRun, arguments: [String]) throws {
    let kubelab = try BuiltProducts.kubelab()
    stderrFile = run.state + "-web.stderr"
    _ = FileManager.default.createFile(atPath: stderrFile, contents: nil)
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: kubelab)
    process.arguments = ["web"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: run.workdir)
    var environment = ProcessInfo.processInfo.environment.merging(run.environment) { _, new in new }
    environment["PATH"] =
      (kubelab as NSString).deletingLastPathComponent + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrFile))
    try process.run()
    let line = try SandboxProcess.readLine(from: output.fileHandleForReading, timeout: 60)
    guard let open = line.range(of: "open ") else {
      process.end(with: SIGTERM)
      throw SandboxStartError(message: "unexpected first line from kubelab web: \(line)")
    }
    url = String(line[open.upperBound...])
  }

  /// What it printed on stderr so far.
  var stderr: String { (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? "" }

  /// The kubeconfig of the sandbox it started for a lab, from the line it printed for the learner.
  var kubeconfig: String? {
    for line in stderr.components(separatedBy: "\n") {
      if let start = line.range(of: "export KUBECONFIG=") { return String(line[start.upperBound...]) }
    }
    return nil
  }

  /// Ctrl-C, as a learner stops it; its exit status.
  func stop() -> Int32 {
    process.end(with: SIGINT)
    return process.terminationStatus
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
