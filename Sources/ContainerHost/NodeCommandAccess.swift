import Foundation
import Isolation
import KubeSim

/// How a container whose image carries node tools (etcd's etcdctl) runs them: the kubelab binary
/// as those commands, and the control socket of the pod's node where a node shell has it, so a
/// command in the container is answered exactly as on the node.
public struct NodeCommandAccess: Sendable {
  public var binary: ToolBinary
  /// The control socket's path inside a node, and so inside the container.
  public var socketPath: String

  public init(binary: ToolBinary, socketPath: String) {
    self.binary = binary
    self.socketPath = socketPath
  }

  /// The mounts for `container`'s node commands where the sandbox has node trees: the binary as
  /// each command, and the folder of the node's control socket (the folder, so that a socket the
  /// sandbox opens after the container started is there too). None for an image without tools.
  func mounts(_ container: ContainerLaunch, trees: NodeTrees?) -> [Bubblewrap.Mount] {
    guard !container.nodeCommands.isEmpty, !container.nodeName.isEmpty, let trees else { return [] }
    let folder = (socketPath as NSString).deletingLastPathComponent
    let hostFolder = trees.hostPath(folder, on: container.nodeName).path
    guard (try? FileManager.default.createDirectory(atPath: hostFolder, withIntermediateDirectories: true)) != nil
    else { return [] }
    return binary.mounts(commands: container.nodeCommands) + [.bind(source: hostFolder, destination: folder)]
  }
}
