import Foundation
import Processes
import TestSupport

/// A `kubelab web` child process of a `KubelabRun`, with the URL it printed, kubelab and kubectl
/// on its PATH (its terminals run them), and its stderr kept in a file to read afterwards.
final class WebProcess: Sendable {
  let process: SpawnedProcess
  let url: String
  private let stderrFile: String

  init(run: KubelabRun, arguments: [String]) throws {
    let kubelab = try BuiltProducts.kubelab()
    stderrFile = run.state + "-web.stderr"
    let output = Pipe()
    var environment = TestChildEnvironment.applied(
      to: ProcessInfo.processInfo.environment.merging(run.environment) { _, new in new })
    environment["PATH"] =
      (kubelab as NSString).deletingLastPathComponent + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    var command = ProcessCommand(kubelab, ["web"] + arguments, environment: environment)
    command.directory = run.workdir
    command.output = .descriptor(output.fileHandleForWriting.fileDescriptor)
    command.error = .file(stderrFile, flags: O_WRONLY | O_CREAT | O_TRUNC)
    process = try SpawnedProcess(command)
    try output.fileHandleForWriting.close()
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

  /// Ctrl-C, as a learner stops it; how it ended.
  @discardableResult
  func stop() -> ProcessTermination {
    process.end(with: SIGINT)
  }

  deinit { process.end(with: SIGKILL) }
}
