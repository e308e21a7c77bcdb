import Foundation

/// One command to run inside a bubblewrap container: what the container sees (its mounts), which
/// namespaces it gets, and the process to start. Node shells and container processes are both
/// described this way, so the two agree on how a tree becomes a root filesystem.
public struct Bubblewrap: Sendable, Equatable {
  /// A path of the container's filesystem and where its contents come from.
  public enum Mount: Sendable, Equatable {
    /// A host path, writable inside the container.
    case bind(source: String, destination: String)
    /// A host path, read-only inside the container.
    case readOnly(source: String, destination: String)
    /// An empty in-memory folder, gone with the container.
    case tmpfs(String)
    /// A new, empty folder on the container's root.
    case directory(String)
    case symlink(target: String, path: String)
    /// A proc filesystem of the container's own pid namespace.
    case proc(String)
    /// A minimal /dev (null, zero, full, random, urandom, tty, pts).
    case devices(String)
  }

  public enum Namespace: String, Sendable, CaseIterable {
    case user, ipc, pid, net, uts, cgroup
  }

  public var mounts: [Mount] = []
  public var namespaces: Set<Namespace> = [.ipc, .pid, .uts]
  public var hostname: String?
  /// Runs the command as uid and gid 0 of its user namespace (a node's root), which needs `.user`.
  public var runAsRoot = false
  /// The container's environment; nothing is inherited from the caller.
  public var environment: [String: String] = [:]
  public var directory = "/"
  /// A new session detaches the process from the caller's terminal; node shells keep it for job control.
  public var newSession = false
  public var command: [String]

  public init(command: [String]) {
    self.command = command
  }

  /// The arguments for `bwrap`, ending with the command.
  public var arguments: [String] {
    var arguments: [String] = ["--die-with-parent", "--clearenv"]
    for namespace in Namespace.allCases where namespaces.contains(namespace) {
      arguments += ["--unshare-\(namespace.rawValue)"]
    }
    if let hostname, namespaces.contains(.uts) { arguments += ["--hostname", hostname] }
    if runAsRoot, namespaces.contains(.user) { arguments += ["--uid", "0", "--gid", "0"] }
    if newSession { arguments += ["--new-session"] }
    for mount in mounts {
      switch mount {
      case .bind(let source, let destination): arguments += ["--bind", source, destination]
      case .readOnly(let source, let destination): arguments += ["--ro-bind", source, destination]
      case .tmpfs(let path): arguments += ["--tmpfs", path]
      case .directory(let path): arguments += ["--dir", path]
      case .symlink(let target, let path): arguments += ["--symlink", target, path]
      case .proc(let path): arguments += ["--proc", path]
      case .devices(let path): arguments += ["--dev", path]
      }
    }
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["--setenv", name, value] }
    arguments += ["--chdir", directory, "--"]
    return arguments + command
  }
}
