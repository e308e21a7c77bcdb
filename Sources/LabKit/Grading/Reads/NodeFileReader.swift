/// Reads a file of a sandbox node through the node's shell, for `file` checks and answers read
/// from a node's file.
struct NodeFileReader: Sendable {
  let nodeLogin: NodeLoginCommand
  let environment: [String: String]

  /// Exit 40 when missing, 41 for a folder, else the file's text.
  func read(_ path: String, on node: String) async -> FileCheckEvaluation.Found {
    let quoted = NodeLoginCommand.quoted(path)
    let script = "if [ -d \(quoted) ]; then exit 41; fi\n[ -e \(quoted) ] || exit 40\nexec cat -- \(quoted)\n"
    let result = await ShellCommand(
      nodeLogin.command(node: node, script: script), environment: environment, directory: nil,
      timeout: ScriptCheck.timeout
    ).run()
    switch result.status {
    case 0: return .text(result.output)
    case 40: return .missing
    case 41: return .directory
    default: return .unreadable(result.outputTail().isEmpty ? result.failure ?? "no exit status" : result.outputTail())
    }
  }
}
