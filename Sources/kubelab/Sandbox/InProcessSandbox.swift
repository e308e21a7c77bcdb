import ContainerHost
import Foundation
import Isolation
import KubeSim
import LabKit

/// A sandbox that lives exactly as long as one command (`practice --sandbox`, `test`), with a
/// kubeconfig file so that kubectl and `script` checks reach it too.
final class InProcessSandbox: Sendable {
  let sandbox: Sandbox
  let kubeconfigPath: String
  /// Where the containers' root folders live while the sandbox runs.
  let containersFolder: String
  let cluster: LabCluster
  /// Its nodes' trees and sockets, for `ssh NODE` at the practice prompt and node checks.
  let nodes: SandboxNodeHosting?

  init(topology: String) throws {
    containersFolder = NSTemporaryDirectory() + "kubelab-containers-\(UUID().uuidString)"
    // hostPath volumes live in the nodes' trees, as on `kubelab sandbox`, so a node sees them.
    let nodesFolder = SandboxNodeHosting.temporaryFolder()
    let engine = ContainerEngines.make(
      root: containersFolder, nodeTrees: nodesFolder.appendingPathComponent("nodes").path, nodeCommands: .sandboxNodes,
      tools: .current)
    sandbox = try Sandbox(options: .init(topology: topology, containerEngine: engine))
    do {
      try sandbox.start()
      kubeconfigPath = NSTemporaryDirectory() + "kubelab-sandbox-\(UUID().uuidString).kubeconfig"
      try sandbox.writeKubeconfig(to: kubeconfigPath)
      cluster = try LabCluster(kubeconfig: kubeconfigPath, context: nil)
      nodes = try? SandboxNodeHosting(sandbox: sandbox, folder: nodesFolder, temporary: true)
    } catch {
      sandbox.shutdown()
      throw error
    }
  }

  func shutdown() {
    nodes?.shutdown()
    sandbox.shutdown()
    try? FileManager.default.removeItem(atPath: kubeconfigPath)
    try? FileManager.default.removeItem(atPath: containersFolder)
  }
}
