import Foundation
import KubeSim

/// A command of a sandbox node (crictl, etcdctl, systemctl, kubeadm, …) as the sandbox answers it.
/// In the node shell the command is a thin client that forwards its arguments here over the node's
/// control socket; the tool reads the cluster and the node's tree and prints what the real tool
/// prints for that state.
public protocol NodeTool: Sendable {
  /// The names the command is called by (`etcdctl`; `apt-get`, `apt-mark`, `apt-cache`).
  var names: [String] { get }
  /// Runs one invocation to its end and returns the exit status. Tools that follow (`-f`) keep
  /// writing until the task is cancelled, which happens when the learner presses Ctrl-C.
  func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32
}

/// What the learner typed, as the shell passed it on.
public struct NodeToolInvocation: Sendable, Codable, Equatable {
  /// The name it was called by, without its folder.
  public var name: String
  public var arguments: [String]
  /// The shell's environment (ETCDCTL_API, ETCDCTL_CACERT, KUBECONFIG, …).
  public var environment: [String: String]
  /// The working directory, as a path inside the node.
  public var directory: String
  /// Standard input, read whole, for tools that take it (nil when stdin is a terminal).
  public var input: Data?

  public init(
    name: String, arguments: [String], environment: [String: String] = [:], directory: String = "/root",
    input: Data? = nil
  ) {
    self.name = name
    self.arguments = arguments
    self.environment = environment
    self.directory = directory
    self.input = input
  }
}

/// The node a tool runs on: its name, the cluster it belongs to, and its files.
public struct NodeContext: Sendable {
  public let name: String
  public let cluster: Cluster
  /// The node's tree on the host. Every writable path of the node (/etc, /var, /root, /run, /opt,
  /// /tmp) is the same path under it; /usr is the host's, read-only.
  public let tree: URL

  public init(name: String, cluster: Cluster, tree: URL) {
    self.name = name
    self.cluster = cluster
    self.tree = tree
  }
}

/// Where a tool writes: the learner's terminal, stdout and stderr kept apart.
public struct NodeToolOutput: Sendable {
  private let write: @Sendable (NodeToolStream, Data) async -> Void

  public init(_ write: @escaping @Sendable (NodeToolStream, Data) async -> Void) {
    self.write = write
  }

  public func out(_ text: String) async { await write(.stdout, Data(text.utf8)) }
  public func err(_ text: String) async { await write(.stderr, Data(text.utf8)) }
  public func out(_ data: Data) async { await write(.stdout, data) }
}

public enum NodeToolStream: UInt8, Sendable, Codable {
  case stdout = 1
  case stderr = 2
}
