import Foundation
import Isolation
import NodeTools
import Synchronization

/// Serves one node's control socket: each connection carries one invocation of a node command,
/// which runs through the toolbox against this node while its output streams back. A client that
/// goes away (the learner pressed Ctrl-C on `journalctl -f`) cancels its tool.
final class NodeControlServer: Sendable {
  private let toolbox: NodeToolbox
  private let context: NodeContext
  /// The listening socket (-1 when there is none) and the path it listens at.
  private let listening = Mutex((socket: Int32(-1), path: ""))

  init(toolbox: NodeToolbox, context: NodeContext) {
    self.toolbox = toolbox
    self.context = context
  }

  func start(at url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let socket = try UnixSocket.listen(at: url.path)
    listening.withLock { $0 = (socket, url.path) }
    let thread = Thread { [self] in acceptLoop(socket) }
    thread.name = "kubelab node \(context.name) control"
    thread.start()
  }

  func stop() {
    let (socket, path) = listening.withLock { listening in
      defer { listening.socket = -1 }
      return listening
    }
    guard socket >= 0 else { return }
    // shutdown wakes the accept loop, which then closes the socket.
    shutdown(socket, Int32(SHUT_RDWR))
    unlink(path)
  }

  private func acceptLoop(_ socket: Int32) {
    while true {
      let connection = accept(socket, nil, nil)
      if connection < 0 {
        if errno == EINTR || errno == ECONNABORTED { continue }
        break
      }
      // Node shells must not inherit the connection.
      _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
      let thread = Thread { [self] in serve(connection) }
      thread.start()
    }
    close(socket)
  }

  /// Runs one invocation; a second thread watches for the client's hang-up to cancel it.
  private func serve(_ connection: Int32) {
    defer { close(connection) }
    guard case (.request, let payload)? = NodeControlFrame.read(from: connection),
      let invocation = try? JSONDecoder().decode(NodeToolInvocation.self, from: payload)
    else { return }
    let writeLock = NSLock()
    let output = NodeToolOutput { stream, data in
      let kind: NodeControlFrame.Kind = stream == .stdout ? .stdout : .stderr
      writeLock.withLock { _ = NodeControlFrame.write(NodeControlFrame.encode(kind, data), to: connection) }
    }
    let toolbox = toolbox
    let context = context
    let task = Task { await toolbox.run(invocation, on: context, output: output) }
    let hangUp = DispatchSemaphore(value: 0)
    let watcher = Thread {
      var byte: UInt8 = 0
      // The client sends nothing more: any return (0 at its close, or an error) means it left.
      while recv(connection, &byte, 1, 0) > 0 {}
      task.cancel()
      hangUp.signal()
    }
    watcher.start()
    let finished = DispatchSemaphore(value: 0)
    let status = StatusBox()
    Task {
      status.value = await task.value
      finished.signal()
    }
    finished.wait()
    writeLock.withLock {
      _ = NodeControlFrame.write(
        NodeControlFrame.encode(.exit, NodeControlFrame.exitPayload(status.value)), to: connection)
    }
    shutdown(connection, Int32(SHUT_RDWR))
    hangUp.wait()
  }
}

/// The tool's exit status, handed from its task to the connection's thread.
private final class StatusBox: Sendable {
  private let status = Mutex<Int32>(1)

  var value: Int32 {
    get { status.withLock { $0 } }
    set { status.withLock { $0 = newValue } }
  }
}
