import Foundation

/// How a grader gets into a sandbox node: `kubelab ssh NODE` with the graded cluster's KUBECONFIG,
/// the script on its stdin, as a learner would pipe one.
public struct NodeLoginCommand: Sendable {
  /// The kubelab executable.
  public var executable: String

  public init(executable: String) {
    self.executable = executable
  }

  /// How `kubelab ssh` begins the one line it prints when it cannot log in.
  static let failurePrefix = "kubelab: "

  /// The kubelab that is running (graders run inside it).
  public static var current: NodeLoginCommand {
    NodeLoginCommand(
      executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0])
  }

  /// A /bin/sh command line running `script` in `node`'s shell.
  public func command(node: String, script: String) -> String {
    var terminator = "KUBELAB_NODE_SCRIPT"
    while script.contains(terminator) { terminator += "_" }
    return "\(Self.quoted(executable)) ssh \(Self.quoted(node)) <<'\(terminator)'\n\(script)\n\(terminator)\n"
  }

  /// A `PATH` with this kubelab's folder first, over the process's own: a command line that says
  /// `kubelab ssh NODE` runs this kubelab, whatever else is installed.
  var searchPath: [String: String] {
    let folder = (executable as NSString).deletingLastPathComponent
    let inherited = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    guard !folder.isEmpty, (executable as NSString).lastPathComponent == "kubelab" else { return [:] }
    return ["PATH": folder + ":" + inherited]
  }

  /// `text` as one word for /bin/sh.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
