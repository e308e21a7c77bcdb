import Foundation
import Isolation
import KubeSim

/// The engine a sandbox runs containers with: bubblewrap where this machine can run it; otherwise
/// none, and one line on stderr saying why containers stay simulated.
public enum ContainerEngines {
  public static func make(
    root: String, nodeTrees: String? = nil, nodeCommands: NodeCommandAccess? = nil, tools: ToolBinary? = nil
  ) -> (any ContainerEngine)? {
    do {
      return try BubblewrapEngine(root: root, nodeTrees: nodeTrees, nodeCommands: nodeCommands, tools: tools)
    } catch {
      FileHandle.standardError.write(Data("kubelab: containers are simulated, not run: \(error)\n".utf8))
      return nil
    }
  }
}
