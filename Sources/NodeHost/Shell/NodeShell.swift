import Foundation
import Isolation
import KubeSim
import NodeTools

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
    let arguments = [bwrap] + bubblewrap(interactive: interactive, terminal: terminal).arguments
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let environment: [UnsafeMutablePointer<CChar>?] = [nil]
    // The calling thread (one of Swift's worker threads) blocks most signals, and a spawned
    // process inherits that mask: the shell and everything it runs would never see Ctrl-C or
    // SIGTERM. Start it with no signal blocked and every disposition at its default.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let spawned = posix_spawn(&pid, bwrap, nil, &attributes, argv, environment)
    guard spawned == 0 else {
      FileHandle.standardError.write(Data("kubelab: cannot run \(bwrap): \(String(cString: strerror(spawned)))\n".utf8))
      return 1
    }
    let shell = pid
    let watcher = Thread {
      // kill(pid, 0) only asks whether the process exists; the shell's own end ends the watch too.
      while kill(shell, 0) == 0 {
        if kill(sandbox, 0) != 0 && errno == ESRCH {
          kill(shell, SIGKILL)
          return
        }
        usleep(250_000)
      }
    }
    watcher.start()
    // Ctrl-C belongs to the node's shell while it runs, not to the kubelab that started it.
    let previous = signal(SIGINT, SIG_IGN)
    defer { signal(SIGINT, previous) }
    // An interactive bash takes the terminal's foreground for its own jobs and, in its own pid
    // namespace, cannot hand it back: take it back, or this process could not read the terminal
    // again (the practice prompt would read end of input).
    let foreground = interactive ? tcgetpgrp(STDIN_FILENO) : -1
    defer {
      if foreground > 0 {
        let previousTTOU = signal(SIGTTOU, SIG_IGN)
        tcsetpgrp(STDIN_FILENO, foreground)
        signal(SIGTTOU, previousTTOU)
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if status & 0x7f == 0 { return (status >> 8) & 0xff }
    return 128 + (status & 0x7f)
  }
}
