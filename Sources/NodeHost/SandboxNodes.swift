import Foundation
import KubeModel
import KubeSim
import NodeTools
import Synchronization

/// The nodes of one sandbox as places to log into: each node's tree under the sandbox's state
/// folder, and its control socket that the node's commands (systemctl, crictl, …) talk to.
///
/// Trees are written in the background once the sandbox serves, so they cost its start nothing;
/// `ready` appears in the folder when every tree is complete, and from then on the simulated
/// kubelets read them.
public final class SandboxNodes: Sendable {
  /// The file that says every tree is written (and every control socket listens).
  public static let readyMarker = ".ready"

  public let sandbox: Sandbox
  public let trees: NodeTrees
  private let removeOnShutdown: Bool
  private let state = Mutex(State())
  private let written = DispatchSemaphore(value: 0)

  private struct State {
    var servers: [NodeControlServer] = []
    var stopped = false
  }

  /// - Parameters:
  ///   - folder: the sandbox's state folder; trees go to `<folder>/nodes/<node>`.
  ///   - removeOnShutdown: true for a temporary folder that should go with the sandbox.
  public init(sandbox: Sandbox, folder: URL, removeOnShutdown: Bool, toolbox: NodeToolbox = .standard) throws {
    self.sandbox = sandbox
    self.removeOnShutdown = removeOnShutdown
    trees = NodeTrees(root: folder.appendingPathComponent("nodes", isDirectory: true))
    try? FileManager.default.removeItem(at: trees.root)
    try FileManager.default.createDirectory(at: trees.root, withIntermediateDirectories: true)
    let thread = Thread { [self] in
      defer { written.signal() }
      do {
        try writeTrees(toolbox: toolbox)
      } catch {
        FileHandle.standardError.write(Data("kubelab: the nodes' files could not be written: \(error)\n".utf8))
      }
    }
    thread.name = "kubelab node trees"
    thread.start()
  }

  /// The sandbox's nodes, as `kubectl get nodes` lists them.
  public var nodeNames: [String] {
    sandbox.cluster.store.list(resource: "nodes", namespace: nil).items.compactMap {
      $0[path: ["metadata", "name"]]?.stringValue
    }.sorted()
  }

  /// Waits until every tree is written (or writing them failed).
  public func waitUntilWritten() {
    written.wait()
    written.signal()
  }

  private func writeTrees(toolbox: NodeToolbox) throws {
    let pki = try sandbox.credentials?.pki ?? SandboxPKI()
    let writer = NodeTreeWriter(
      certificates: NodeCertificates(authority: pki.certificateAuthority, apiServer: pki.server, admin: pki.admin))
    let pods = sandbox.cluster.store.list(resource: "pods", namespace: nil).items
    for node in nodeNames {
      guard !state.withLock({ $0.stopped }),
        let object = sandbox.cluster.store.get(ObjectKey(resource: "nodes", namespace: "", name: node))
      else { return }
      try writer.write(NodeFacts(node: object, pods: pods, serverURL: sandbox.url), to: trees.tree(of: node))
      let context = NodeContext(name: node, cluster: sandbox.cluster, tree: trees.tree(of: node))
      let server = NodeControlServer(toolbox: toolbox, context: context)
      try server.start(at: trees.hostPath(NodeControlClient.socketPath, on: node))
      let keep = state.withLock { state in
        if !state.stopped { state.servers.append(server) }
        return !state.stopped
      }
      if !keep { server.stop() }
    }
    guard !state.withLock({ $0.stopped }) else { return }
    sandbox.attach(trees)
    FileManager.default.createFile(atPath: trees.root.appendingPathComponent(Self.readyMarker).path, contents: nil)
  }

  public func shutdown() {
    let running = state.withLock { state in
      state.stopped = true
      defer { state.servers = [] }
      return state.servers
    }
    waitUntilWritten()
    for server in running { server.stop() }
    if removeOnShutdown { try? FileManager.default.removeItem(at: trees.root.deletingLastPathComponent()) }
  }
}
