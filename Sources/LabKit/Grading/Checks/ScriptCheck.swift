/// A `script` check: the command passes on exit status 0. A command that cannot start or overruns
/// its time is an error, not a fail: the grader could not tell. So is a node script whose node
/// could not be reached (`kubelab ssh` said why in its one line), and a script the grader runs
/// itself whose kubectl could not use the API server: the grader could not look. On a node, kubectl
/// refused is the learner's broken control plane, so there the exit status stays the verdict.
struct ScriptCheck {
  let command: String
  /// The script as the grader wrote it, for messages (a node script runs wrapped in `kubelab ssh`).
  let shown: String
  let runsOnNode: Bool
  let environment: [String: String]
  let directory: String?
  static let timeout = Duration.seconds(60)

  func evaluate() async -> CheckOutcome {
    let result = await ShellCommand(command, environment: environment, directory: directory, timeout: Self.timeout)
      .run()
    let tail = result.outputTail()
    guard let status = result.status else {
      let reason = "the script `\(shown)` could not be run: \(result.failure ?? "no exit status")"
      return .error(tail.isEmpty ? reason : reason + "\n" + tail)
    }
    if status == 0 { return .pass("the script `\(shown)` exited with status 0") }
    if runsOnNode, result.output.hasPrefix(NodeLoginCommand.failurePrefix) {
      return .error(
        "the script `\(shown)` could not be run on its node: \(result.output.dropFirst(NodeLoginCommand.failurePrefix.count))"
      )
    }
    if !runsOnNode, let failure = KubectlServerFailure.line(in: result.output) {
      return .error("the script `\(shown)` could not use the cluster: \(failure)")
    }
    let message = "the script `\(shown)` exited with status \(status)"
    return .fail(tail.isEmpty ? message : message + ":\n" + tail)
  }
}
