import ArgumentParser
import Foundation
import Isolation
import KubeClient
import NodeHost

/// `kubelab ssh [NODE]`: a root shell on a node of the sandbox behind the kubeconfig.
struct SSHCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ssh",
    abstract: "Open a shell on a node of the sandbox cluster.",
    discussion: """
      Runs bash as root on NODE (its hostname, its /etc/kubernetes, /var/lib/kubelet, … and the node \
      commands systemctl, journalctl, crictl, etcdctl, kubeadm), in a bubblewrap container that can \
      write only the node's own files. Without NODE, lists the nodes. Commands piped to stdin run in \
      the node's shell. Exits with the shell's status; 3 when the kubeconfig's cluster is not a \
      running kubelab sandbox; 1 when bubblewrap cannot run here.
      """
  )

  @Argument(help: "The node to log into (default: list the nodes).")
  var node: String?

  @OptionGroup var cluster: ClusterOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let hosting = try NodeLogin.find(kubeconfig: cluster.kubeconfig, context: cluster.context)
      guard let node else {
        print(hosting.nodeNames.joined(separator: "\n"))
        return
      }
      let status = try hosting.login(node)
      if status != 0 { throw ExitCode(status) }
    }
  }
}

/// The nodes of one running sandbox, as `kubelab ssh` and `ssh` at the practice prompt reach them.
struct NodeLogin {
  let trees: URL
  /// The process serving the sandbox: the node's shell ends with it.
  let sandbox: pid_t

  /// The sandbox whose URL the kubeconfig's current (or given) context points at.
  static func find(
    kubeconfig: String?, context: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> NodeLogin {
    let endpoint: ClusterEndpoint
    do {
      endpoint = try KubeconfigLoader(explicitPath: kubeconfig, environment: environment).load(context: context)
    } catch {
      throw CommandFailure(.clusterError, "cannot use the kubeconfig: \(error)")
    }
    guard let record = NodeHostRecord.find(url: endpoint.server) else {
      throw CommandFailure(
        .clusterError,
        "\(endpoint.server) is not a running kubelab sandbox: `kubelab ssh` logs into the nodes of a sandbox "
          + "(start one with `kubelab sandbox` or `kubelab start LAB --sandbox`)")
    }
    let login = NodeLogin(trees: URL(fileURLWithPath: record.nodes), sandbox: record.pid)
    try login.waitUntilWritten()
    return login
  }

  /// The sandbox writes its trees in the background as it starts: a login right after waits.
  private func waitUntilWritten(timeout: TimeInterval = 30) throws {
    let marker = trees.appendingPathComponent(SandboxNodes.readyMarker).path
    let deadline = Date().addingTimeInterval(timeout)
    while !FileManager.default.fileExists(atPath: marker) {
      guard Date() < deadline else {
        throw CommandFailure(.clusterError, "the sandbox has not written its nodes' files (\(trees.path))")
      }
      usleep(20_000)
    }
  }

  var nodeNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: trees.path)) ?? []).filter {
      FileManager.default.fileExists(
        atPath: trees.appendingPathComponent($0).appendingPathComponent("etc/hostname").path)
    }.sorted()
  }

  /// Runs the node's shell on this terminal (or stdin) and returns its exit status.
  func login(_ node: String) throws -> Int32 {
    guard nodeNames.contains(node) else {
      throw CommandFailure(
        .usage, "the sandbox has no node \"\(node)\"; its nodes are: \(nodeNames.joined(separator: ", "))")
    }
    let bwrap: String
    switch IsolationSupport.check() {
    case .available(let path): bwrap = path
    case .missing(let reason): throw CommandFailure(.notPassed, reason)
    }
    let shell = NodeShell(
      node: node, tree: trees.appendingPathComponent(node), kubelab: .current, kubectl: Self.hostKubectl())
    return shell.run(bwrap: bwrap, sandbox: sandbox)
  }

  /// The host's kubectl, its symlinks resolved, so the node gets the binary itself.
  static func hostKubectl() -> String? {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    guard let found = path.map({ "\($0)/kubectl" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else { return nil }
    return URL(fileURLWithPath: found).resolvingSymlinksInPath().path
  }
}
