import Foundation

/// An `exec` check: `kubectl exec` runs the command in the pod's container (the first running pod
/// of a selector); it passes on exit status 0, or on output matching `matches`. A pod that cannot
/// be found fails; kubectl missing or overrunning, or an API server it could not use, is an error,
/// since the grader could not tell.
struct ExecCheckEvaluation {
  let check: ExecCheck
  let labNamespace: String
  let environment: [String: String]
  static let timeout = Duration.seconds(60)

  func evaluate() async -> CheckOutcome {
    let namespace = check.namespace ?? labNamespace
    let command = check.command.map(Self.quoted).joined(separator: " ")
    let container = check.container.map { " -c " + Self.quoted($0) } ?? ""
    let pod: String
    let described: String
    switch check.target {
    case .pod(let name):
      pod = Self.quoted(name)
      described = "pod \(name)"
    case .selector(let selector):
      // The pod the selector finds first among the running ones, or a clear failure.
      pod = "\"$pod\""
      described = "a pod matching `\(selector)`"
    }
    var script = "kubectl exec -n \(Self.quoted(namespace)) \(pod)\(container) -- \(command)"
    if case .selector(let selector) = check.target {
      script =
        "pod=$(kubectl get pods -n \(Self.quoted(namespace)) -l \(Self.quoted(selector)) "
        + "--field-selector=status.phase=Running -o name | head -n 1) && "
        + "if [ -z \"$pod\" ]; then echo 'no running pod matches'; exit 1; fi && \(script)"
    }
    let result = await ShellCommand(script, environment: environment, timeout: Self.timeout).run()
    let shown = check.command.joined(separator: " ")
    guard let status = result.status else {
      return .error("`\(shown)` could not be run in \(described): \(result.failure ?? "no exit status")")
    }
    let tail = result.outputTail()
    if status != 0, let failure = KubectlServerFailure.line(in: result.output) {
      return .error("`\(shown)` could not be run in \(described): \(failure)")
    }
    if let pattern = check.matches {
      let matched = result.output.range(of: pattern, options: .regularExpression) != nil
      if matched { return .pass("`\(shown)` in \(described) printed output matching `\(pattern)`") }
      let message = "`\(shown)` in \(described) printed no output matching `\(pattern)`"
      return .fail(tail.isEmpty ? message : message + ":\n" + tail)
    }
    if status == 0 { return .pass("`\(shown)` in \(described) exited with status 0") }
    if status == 127, result.output.contains("kubectl") && result.output.contains("not found") {
      return .error("`kubectl` is needed for exec checks: \(tail)")
    }
    let message = "`\(shown)` in \(described) exited with status \(status)"
    return .fail(tail.isEmpty ? message : message + ":\n" + tail)
  }

  /// A word for `sh`, in single quotes.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
