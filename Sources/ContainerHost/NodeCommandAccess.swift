import Foundation
import Isolation
import KubeSim

/// How a container whose image carries node tools (etcd's etcdctl) runs them: the kubelab binary
/// (the engine's tools) as those commands, and the control socket of the pod's node where a node
/// shell has it, so a command in the container is answered exactly as on the node.
public struct NodeCommandAccess: Sendable {
  /// The control socket's path inside a node, and so inside the container.
  public var socketPath: String

  public init(socketPath: String) {
    self.socketPath = socketPath
  }

  /// The mount of the node's control socket for `container`'s node commands where the sandbox has
  /// node trees: its folder, so that a socket the sandbox opens after the container started is
  /// there too. Nil for an image without tools.
  func mounts(_ container: ContainerLaunch, trees: NodeTrees?) -> [Bubblewrap.Mount]? {
    guard !container.nodeCommands.isEmpty, !container.nodeName.isEmpty, let trees else { return nil }
    let folder = (socketPath as NSString).deletingLastPathComponent
    let hostFolder = trees.hostPath(folder, on: container.nodeName).path
    guard (try? FileManager.default.createDirectory(atPath: hostFolder, withIntermediateDirectories: true)) != nil
    else { return nil }
    return [.bind(source: hostFolder, destination: folder)]
  }
}
