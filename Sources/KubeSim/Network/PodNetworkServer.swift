import Foundation
import KubeModel
import NIOCore
import NIOPosix
import Synchronization

/// Serves the pod network socket: each connection is one request of a container's network
/// command, from a process the engine maps to its pod through the socket's peer credentials.
/// Timeouts are timers of the event loop; no thread waits on a connection.
final class PodNetworkServer: Sendable {
  let network: PodNetwork
  let cluster: Cluster
  let engine: any ContainerEngine
  private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  /// The listening channel and the socket's path, once started.
  private let listening = Mutex<(channel: Channel?, path: String?)>((nil, nil))

  init(cluster: Cluster, engine: any ContainerEngine) {
    self.cluster = cluster
    self.engine = engine
    network = PodNetwork(cluster: cluster)
  }

  func start(at path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // A path beyond sun_path's 108 bytes is bound through the folder's descriptor, which the
    // kernel resolves to the real folder.
    let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder]) }
    defer { close(directory) }
    let bindable = "/proc/self/fd/\(directory)/" + (path as NSString).lastPathComponent
    let server = self
    listening.withLock { $0.path = path }
    let channel = try ServerBootstrap(group: group)
      .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(PodNetworkConnection(server: server))
        }
      }
      .bind(unixDomainSocketPath: bindable, cleanupExistingSocketFile: true).wait()
    listening.withLock { $0.channel = channel }
  }

  func stop() {
    let (channel, path) = listening.withLock { $0 }
    try? channel?.close().wait()
    try? group.syncShutdownGracefully()
    if let path { unlink(path) }
  }

  /// The pod of the process at the other end of `channel`, from SO_PEERCRED.
  func podUID(of channel: Channel) -> EventLoopFuture<String?> {
    guard let provider = channel as? SocketOptionProvider else { return channel.eventLoop.makeSucceededFuture(nil) }
    let credentials: EventLoopFuture<PeerCredentials> = provider.unsafeGetSocketOption(
      level: SocketOptionLevel(SOL_SOCKET), name: SO_PEERCRED)
    return credentials.map { [engine] in engine.podUID(ofProcess: $0.pid) }.recover { _ in nil }
  }
}

/// struct ucred, which Glibc's module leaves out without _GNU_SOURCE.
struct PeerCredentials {
  var pid: Int32 = 0
  var uid: UInt32 = 0
  var gid: UInt32 = 0
}

/// One request: a JSON line, a one-line reply, then (for a connection) the bytes both ways.
/// `@unchecked Sendable`: its state is touched only on its channel's event loop (the handler's
/// callbacks, and futures and timers of that loop), which the compiler cannot see.
final class PodNetworkConnection: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let server: PodNetworkServer
  private var request: [UInt8] = []
  private var asked = false
  private var connection: (any ForwardedConnection)?
  private var pendingInput: [UInt8] = []
  private var inputClosed = false

  init(server: PodNetworkServer) {
    self.server = server
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
    if asked {
      if let connection { connection.write(bytes) } else { pendingInput += bytes }
      return
    }
    request += bytes
    guard let end = request.firstIndex(of: UInt8(ascii: "\n")) else {
      if request.count > 1 << 16 { context.close(promise: nil) }
      return
    }
    asked = true
    pendingInput = Array(request[(end + 1)...])
    let line = Array(request[..<end])
    guard let decoded = try? JSONDecoder().decode(PodNetworkRequest.self, from: Data(line)) else {
      context.close(promise: nil)
      return
    }
    let channel = context.channel
    server.podUID(of: channel).whenSuccess { [self] uid in
      guard let uid else {
        channel.close(promise: nil)
        return
      }
      handle(server.network.decide(decoded, fromPod: uid), request: decoded, channel: channel)
    }
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard case ChannelEvent.inputClosed = event else { return context.fireUserInboundEventTriggered(event) }
    inputClosed = true
    connection?.closeInput()
  }

  func channelInactive(context: ChannelHandlerContext) {
    connection?.stop()
    connection = nil
  }

  private func handle(_ decision: PodNetwork.Decision, request: PodNetworkRequest, channel: Channel) {
    switch decision {
    case .reply(let reply):
      send(reply, on: channel, thenClose: true)
    case .replyAfterTimeout(let reply):
      let delay = TimeAmount.milliseconds(Int64(max(0, request.timeout) * 1000))
      channel.eventLoop.scheduleTask(in: delay) { [self] in send(reply, on: channel, thenClose: true) }
    case .connect(let address, let pod, let port):
      let target = PortForwardTarget(pod: pod, cluster: server.cluster)
      guard let listener = target.listener(on: port) else {
        return send(PodNetworkReply(outcome: .refused, address: address), on: channel, thenClose: true)
      }
      send(PodNetworkReply(outcome: .connected, address: address), on: channel, thenClose: request.kind == .probe)
      guard request.kind == .connect else { return }
      do {
        let opened = try target.open(
          listener, port: port,
          received: { bytes in channel.writeAndFlush(channel.allocator.buffer(bytes: bytes), promise: nil) },
          closed: { channel.close(promise: nil) })
        connection = opened
        if !pendingInput.isEmpty { opened.write(pendingInput) }
        pendingInput = []
        if inputClosed { opened.closeInput() }
      } catch {
        channel.close(promise: nil)
      }
    }
  }

  private func send(_ reply: PodNetworkReply, on channel: Channel, thenClose: Bool) {
    var line = (try? JSONEncoder().encode(reply)) ?? Data()
    line.append(UInt8(ascii: "\n"))
    let written = channel.writeAndFlush(channel.allocator.buffer(bytes: line))
    if thenClose { written.whenComplete { _ in channel.close(promise: nil) } }
  }
}
