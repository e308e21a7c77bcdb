import ContainerHost
import Foundation
import Isolation
import KubeSim
import NodeHost

/// Gives a sandbox its nodes: their trees in `folder`, their control sockets, and the record that
/// lets `kubelab ssh` find them from the sandbox's URL.
final class SandboxNodeHosting: Sendable {
  let nodes: SandboxNodes
  let record: NodeHostRecord

  init(sandbox: Sandbox, folder: URL, temporary: Bool) throws {
    nodes = try SandboxNodes(sandbox: sandbox, folder: folder, removeOnShutdown: temporary)
    record = NodeHostRecord(pid: getpid(), url: sandbox.url, nodes: nodes.trees.root.path)
    do {
      try record.write()
    } catch {
      nodes.shutdown()
      throw error
    }
  }

  /// A temporary state folder for a sandbox that lives as long as one command; short, so that
  /// the node sockets' paths stay well within the kernel's limit.
  static func temporaryFolder() -> URL {
    URL(fileURLWithPath: NSTemporaryDirectory() + "kubelab-nodes-" + UUID().uuidString.prefix(8).lowercased())
  }

  func shutdown() {
    record.remove()
    nodes.shutdown()
  }
}

extension NodeCommandAccess {
  /// The node tools of a container's image answered through the control socket of the
  /// container's node, as in a node shell.
  static var sandboxNodes: NodeCommandAccess {
    NodeCommandAccess(socketPath: NodeControlClient.socketPath)
  }
}
