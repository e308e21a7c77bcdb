import Foundation
import KubeModel
import TestSupport

/// Runs `kubelab` as a learner would, with a state directory and a working directory of its own
/// and the repository's lab library.
struct KubelabRun {
  let state: String
  /// Where kubelab runs; a test may move it to show that a command works from any folder.
  var workdir: String
  var extraEnvironment: [String: String] = [:]

  init() throws {
    let root = TestScratch.path("cli-")
    state = root + "/state"
    workdir = root + "/work"
    try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
  }

  /// The checkout this test was built from: Labs/ and Graders/ live there.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  var environment: [String: String] {
    ["XDG_STATE_HOME": state, "KUBELAB_LABS": Self.repository, "KUBECACHEDIR": state + "/kubectl-cache"]
      .merging(extraEnvironment) { _, new in new }
  }

  func callAsFunction(_ arguments: [String], input: String? = nil, timeout: TimeInterval = 120) async throws
    -> ProcessOutput
  {
    try await ProcessRunner.run(
      "/bin/sh", ["-c", "cd \"$1\" && shift && exec \"$@\"", "sh", workdir, try BuiltProducts.kubelab()] + arguments,
      environment: environment, input: input, timeout: timeout)
  }

  /// Runs a command with `--output json` and parses what it printed.
  func json(_ arguments: [String]) async throws -> (ProcessOutput, JSON?) {
    let output = try await self(arguments + ["--output", "json"])
    return (output, try? JSON(parsing: output.stdout))
  }
}
