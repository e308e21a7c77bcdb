/// kubectl's own words when it could not use the API server: refused or unreachable, a login the
/// server rejected, or a 5xx or 429 answer. An exec check whose kubectl said so never ran its
/// command in the container, and a script the grader runs could not look, so the verdict is an
/// error, not a fail. A 403 or a NotFound stays a fail: RBAC and missing pods are the learner's.
/// (A node script's exit status stays its verdict: a troubleshooting grader runs kubectl on a node
/// to see a refused connection as the learner's.)
enum KubectlServerFailure {
  /// The reasons of `Error from server (REASON)` that say the server could not answer.
  static let serverReasons: Set<String> = [
    "InternalError", "ServiceUnavailable", "Timeout", "ServerTimeout", "TooManyRequests",
  ]

  /// The line of `output` in which kubectl said it could not use the server, if any.
  static func line(in output: String) -> String? {
    output.split(separator: "\n").map(String.init).first { line in
      if line.hasPrefix("The connection to the server "), line.contains(" was refused") { return true }
      if line.hasPrefix("Unable to connect to the server: ") { return true }
      if line.hasPrefix("error: You must be logged in to the server") { return true }
      let statusPrefix = "Error from server ("
      guard line.hasPrefix(statusPrefix) else { return false }
      return serverReasons.contains(String(line.dropFirst(statusPrefix.count).prefix { $0 != ")" }))
    }
  }
}
