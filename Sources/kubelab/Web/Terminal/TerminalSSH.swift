import Foundation
import Isolation
import LabKit

/// `ssh NODE` in the page's terminals, as at the `kubelab practice` prompt: a small `ssh` script
/// that runs `kubelab ssh` of this very executable, found first on the terminals' PATH. The
/// terminals' KUBECONFIG names the lab's cluster, so it logs into that sandbox's nodes, lists them
/// without NODE, and says in one line when the cluster is no sandbox. The script lives in
/// kubelab's state directory and only the page's shells have that folder on their PATH: a real
/// ssh anywhere else is left alone.
enum TerminalSSH {
  static var folder: String { StateDirectory.path + "/web/bin" }

  /// Writes the script (again each time: another kubelab build may have written its own path) and
  /// returns the folder to put first on a terminal's PATH.
  static func install(kubelab: String = ToolBinary.current.executable) throws -> String {
    let quoted = "'" + kubelab.replacingOccurrences(of: "'", with: "'\\''") + "'"
    let script = """
      #!/bin/sh
      # Written by `kubelab web` for its terminals: `ssh NODE` opens a shell on a node of the lab's sandbox.
      exec \(quoted) ssh "$@"

      """
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // Written beside and renamed over, so that a shell running `ssh` meanwhile never sees half a file.
    let path = folder + "/ssh"
    let partial = path + ".\(getpid())"
    guard
      FileManager.default.createFile(
        atPath: partial, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
    else { throw PseudoTerminalError("cannot write \(partial): \(String(cString: strerror(errno)))") }
    guard rename(partial, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(partial)
      throw PseudoTerminalError("cannot write \(path): \(reason)")
    }
    return folder
  }
}
