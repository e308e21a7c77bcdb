import Foundation
import KubeModel
import NIOCore
import NIOWebSocket

/// One `kubectl exec` or `attach` over WebSocket (the channel.k8s.io protocols, v4 and v5): each
/// binary message starts with its channel (0 stdin, 1 stdout, 2 stderr, 3 status, 4 terminal size,
/// 255 close of a channel in v5). The command's output goes out as it comes; the status follows
/// the last of it, then the connection closes.
final class ChannelStreamHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = WebSocketFrame
  typealias OutboundOut = WebSocketFrame

  private let target: StreamTarget
  private let engine: any ContainerEngine
  private let logs: PodLogs
  private var execution: (any ContainerExecution)?
  private var followID: Int?
  private var finished = false

  init(target: StreamTarget, engine: any ContainerEngine, logs: PodLogs) {
    self.target = target
    self.engine = engine
    self.logs = logs
  }

  func handlerAdded(context: ChannelHandlerContext) {
    let loop = context.eventLoop
    let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
    let send: @Sendable (Int, [UInt8]) -> Void = { stream, bytes in
      loop.execute { bound.value.handler.send(stream, bytes, context: bound.value.context) }
    }
    let end: @Sendable (JSON) -> Void = { status in
      loop.execute { bound.value.handler.finish(status, context: bound.value.context) }
    }
    if let unavailable = target.unavailable {
      finish(StreamStatus.failure(unavailable), context: context)
      return
    }
    switch target.kind {
    case .exec:
      let command = target.command
      do {
        execution = try engine.exec(
          target.launch, command: command, tty: target.tty, output: send,
          exited: { end(StreamStatus.exited($0, command: command)) })
        if !target.stdin { execution?.closeInput() }
      } catch {
        finish(
          StreamStatus.failure("Internal error occurred: error executing command in container: \(error)"),
          context: context)
      }
    case .attach:
      // What the container wrote so far, then what it writes until its run ends.
      followID = logs.follow(
        podUID: target.launch.podUID, container: target.launch.containerName, PodLogs.Query(),
        send: { send(1, Array($0.utf8)) }, finish: { end(StreamStatus.success) })
    }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = unwrapInboundIn(data)
    switch frame.opcode {
    case .binary:
      var data = frame.unmaskedData
      guard let channel: UInt8 = data.readInteger() else { return }
      let bytes = Array(data.readableBytesView)
      switch channel {
      case 0: write(bytes)
      case 4: resize(bytes)
      case 255 where bytes.first == 0: closeInput()
      default: break
      }
    case .connectionClose:
      closeInput()
      if !finished {
        // The client left before the command ended: the command ends too.
        execution?.stop()
      }
      context.close(promise: nil)
    case .ping:
      pong(frame, context: context)
    default: break
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if !finished { execution?.stop() }
    if let followID { logs.stopFollowing(followID) }
    context.fireChannelInactive()
  }

  private func write(_ bytes: [UInt8]) {
    switch target.kind {
    case .exec: execution?.write(bytes)
    case .attach: engine.writeInput(containerID: target.launch.containerID, bytes)
    }
  }

  private func closeInput() {
    execution?.closeInput()
  }

  /// `{"Width":80,"Height":24}` on channel 4.
  private func resize(_ bytes: [UInt8]) {
    guard let size = try? JSON(parsing: bytes), let width = size["Width"]?.intValue,
      let height = size["Height"]?.intValue
    else { return }
    execution?.resize(width: width, height: height)
  }

  private func send(_ stream: Int, _ bytes: [UInt8], context: ChannelHandlerContext) {
    guard !finished, context.channel.isActive else { return }
    // Only the streams the client asked for; a terminal has only stdout.
    guard (stream == 1 && target.stdout) || (stream == 2 && target.stderr) else { return }
    var buffer = context.channel.allocator.buffer(capacity: bytes.count + 1)
    buffer.writeInteger(UInt8(stream))
    buffer.writeBytes(bytes)
    context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: buffer)), promise: nil)
  }

  /// Sends the status on channel 3, then closes the connection normally.
  private func finish(_ status: JSON, context: ChannelHandlerContext) {
    guard !finished else { return }
    finished = true
    guard context.channel.isActive else { return }
    var buffer = context.channel.allocator.buffer(capacity: 256)
    buffer.writeInteger(UInt8(3))
    buffer.writeString(status.serialized())
    context.write(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: buffer)), promise: nil)
    closeNormally(context: context)
  }
}
