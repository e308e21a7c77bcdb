import KubeModel

/// The Status a stream sends on its error channel when the command ends, as containerd words it;
/// kubectl turns a NonZeroExitCode into `command terminated with exit code N` and its own exit code.
enum StreamStatus {
  static let success: JSON = ["metadata": [:], "status": "Success"]

  static func exited(_ code: Int, command: [String]) -> JSON {
    guard code != 0 else { return success }
    return [
      "metadata": [:], "status": "Failure",
      "message": .string(
        "command terminated with non-zero exit code: error executing command [\(command.joined(separator: " "))], "
          + "exit code \(code)"),
      "reason": "NonZeroExitCode",
      "details": ["causes": [["reason": "ExitCode", "message": .string(String(code))]]],
    ]
  }

  /// Any other failure: kubectl prints `error: <message>` and exits 1.
  static func failure(_ message: String) -> JSON {
    ["metadata": [:], "status": "Failure", "message": .string(message)]
  }
}
