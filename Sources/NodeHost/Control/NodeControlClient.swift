import Foundation
import Isolation
import NodeTools

/// The node side of a node command: the kubelab binary, called by a tool's name inside a node
/// shell, forwards its command line to the sandbox and plays back what the tool prints.
public enum NodeControlClient {
  /// Where the node's control socket is inside the node.
  public static let socketPath = "/run/kubelab/node.sock"

  /// Runs `invocation` through the socket at `socketPath`, writing its output to this process's
  /// stdout and stderr, and returns its exit status.
  public static func run(_ invocation: NodeToolInvocation, socketPath: String = NodeControlClient.socketPath) -> Int32 {
    let socket: Int32
    do {
      socket = try connect(socketPath)
    } catch {
      FileHandle.standardError.write(
        Data("\(invocation.name): the sandbox does not answer on this node (\(error)); is it still running?\n".utf8))
      return 1
    }
    defer { close(socket) }
    guard let request = try? JSONEncoder().encode(invocation),
      NodeControlFrame.write(NodeControlFrame.encode(.request, request), to: socket)
    else { return 1 }
    while let (kind, payload) = NodeControlFrame.read(from: socket) {
      switch kind {
      case .stdout: FileHandle.standardOutput.write(payload)
      case .stderr: FileHandle.standardError.write(payload)
      case .exit: return NodeControlFrame.status(from: payload)
      case .request: return 1
      }
    }
    FileHandle.standardError.write(Data("\(invocation.name): the sandbox closed the connection\n".utf8))
    return 1
  }

  /// Connects to the node's socket, waiting up to `patience` seconds for it to appear: a sandbox
  /// writes its nodes' files a moment after it starts serving, and a container can already ask.
  private static func connect(_ socketPath: String, patience: TimeInterval = 30) throws -> Int32 {
    let deadline = Date().addingTimeInterval(patience)
    while !FileManager.default.fileExists(atPath: socketPath), Date() < deadline {
      usleep(100_000)
    }
    return try UnixSocket.connect(to: socketPath)
  }

  /// When this process was called by the name of a node tool (busybox style), forwards the call
  /// and returns its exit status; nil when it is kubelab itself.
  public static func forwardIfCalledAsTool(toolbox: NodeToolbox = .standard) -> Int32? {
    let name = (CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent }) ?? ""
    guard name != "kubelab", toolbox.tool(named: name) != nil else { return nil }
    let directory = FileManager.default.currentDirectoryPath
    return run(
      NodeToolInvocation(
        name: name, arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment, directory: directory))
  }
}
