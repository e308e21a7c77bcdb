import Foundation
import Isolation
import KubeSim
import NodeTools
import Processes

/// A login on a sandbox node: the host's bash and userland in a bubblewrap container whose
/// hostname is the node's and whose writable folders are the node's tree, with the node's commands
/// on PATH as clients of the sandbox and the host's kubectl beside them.
public struct NodeShell: Sendable {
  /// The folders of a node's writable root, each its own folder in the tree.
  static let treeFolders = ["etc", "var", "root", "run", "opt", "tmp", "home"]
  /// The systemd units folder: read-only /usr on the host, the node's own here (kubelet's drop-in).
  static let unitFolder = "/usr/lib/systemd/system"

  public let node: String
  public let tree: URL
  /// This executable, bound as every node command.
  public let kubelab: ToolBinary
  /// The host's kubectl, if it has one.
  public let kubectl: String?
  public let toolNames: [String]

  public init(
    node: String, tree: URL, kubelab: ToolBinary, kubectl: String?, toolNames: [String] = NodeToolbox.standard.names
  ) {
    self.node = node
    self.tree = tree
    self.kubelab = kubelab
    self.kubectl = kubectl
    self.toolNames = toolNames
  }

  /// The container: a login shell when `interactive`, else bash reading commands from stdin.
  public func bubblewrap(interactive: Bool, terminal: String? = nil) -> Bubblewrap {
    var container = Bubblewrap(command: interactive ? ["/bin/bash", "--login"] : ["/bin/bash"])
    container.namespaces = [.user, .ipc, .pid, .uts]
    container.hostname = node
    container.runAsRoot = true
    container.newSession = !interactive
    container.directory = "/root"
    for folder in Self.treeFolders {
      container.mounts.append(.bind(source: tree.appendingPathComponent(folder).path, destination: "/" + folder))
    }
    if FileManager.default.fileExists(atPath: Self.unitFolder) {
      container.mounts.append(
        .bind(
          source: tree.appendingPathComponent(String(Self.unitFolder.dropFirst())).path, destination: Self.unitFolder))
    }
    // /usr/local is the node's own: the node commands and the host's kubectl.
    container.mounts += kubelab.mounts(commands: toolNames)
    if let kubectl { container.mounts.append(.readOnly(source: kubectl, destination: "/usr/local/bin/kubectl")) }
    container.environment = [
      "HOME": "/root", "USER": "root", "LOGNAME": "root", "SHELL": "/bin/bash", "HOSTNAME": node,
      "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
    ]
    if let terminal { container.environment["TERM"] = terminal }
    return container.withHostUserland
  }

  /// Runs the shell with this process's stdin, stdout and stderr, in this process group so that
  /// an interactive bash keeps the terminal, and returns its exit status. The shell is killed
  /// when the process `sandbox` (the sandbox serving the node) ends: no node outlives it.
  public func run(bwrap: String, sandbox: pid_t) -> Int32 {
    let interactive = isatty(STDIN_FILENO) == 1
    let terminal = ProcessInfo.processInfo.environment["TERM"]
    let arguments = bubblewrap(interactive: interactive, terminal: terminal).arguments
    // No environment of the caller's: the container sets its own. The shell starts with no signal
    // blocked (the calling Swift worker thread blocks most) and with this process's stdio.
    var command = ProcessCommand(bwrap, arguments, environment: [:])
    command.input = .inherit
    // An interactive bash takes the terminal's foreground for its own jobs and, in its own pid
    // namespace, cannot hand it back: take it back, or this process could not read the terminal
    // again (the practice prompt would read end of input). The owner is read before the shell
    // starts: a loaded machine let bash take the terminal first, and the group given back was
    // bash's own, gone with it.
    let foreground = interactive ? tcgetpgrp(STDIN_FILENO) : -1
    let shell: SpawnedProcess
    do {
      shell = try SpawnedProcess(command)
    } catch {
      FileHandle.standardError.write(Data("kubelab: \(error)\n".utf8))
      return 1
    }
    let watcher = Thread {
      // kill(sandbox, 0) only asks whether the sandbox exists; the shell's own end ends the watch too.
      while shell.isRunning {
        if kill(sandbox, 0) != 0 && errno == ESRCH {
          shell.signal(SIGKILL)
          return
        }
        usleep(250_000)
      }
    }
    watcher.start()
    // Ctrl-C belongs to the node's shell while it runs, not to the kubelab that started it.
    let previous = signal(SIGINT, SIG_IGN)
    defer { signal(SIGINT, previous) }
    defer {
      if foreground > 0 {
        let previousTTOU = signal(SIGTTOU, SIG_IGN)
        tcsetpgrp(STDIN_FILENO, foreground)
        signal(SIGTTOU, previousTTOU)
      }
    }
    return shell.waitUntilExit().shellStatus
  }
}
