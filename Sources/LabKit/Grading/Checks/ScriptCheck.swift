/// A `script` check: the command passes on exit status 0. A command that cannot start or overruns
/// its time is an error, not a fail: the grader could not tell.
struct ScriptCheck {
  let command: String
  let environment: [String: String]
  let directory: String?
  static let timeout = Duration.seconds(60)

  func evaluate() async -> CheckOutcome {
    let result = await ShellCommand(command, environment: environment, directory: directory, timeout: Self.timeout)
      .run()
    let tail = result.outputTail()
    guard let status = result.status else {
      let reason = "the script `\(command)` could not be run: \(result.failure ?? "no exit status")"
      return .error(tail.isEmpty ? reason : reason + "\n" + tail)
    }
    if status == 0 { return .pass("the script `\(command)` exited with status 0") }
    let message = "the script `\(command)` exited with status \(status)"
    return .fail(tail.isEmpty ? message : message + ":\n" + tail)
  }
}
