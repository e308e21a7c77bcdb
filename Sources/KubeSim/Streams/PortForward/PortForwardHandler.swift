import Foundation
import NIOCore
import NIOWebSocket

/// One `kubectl port-forward` session (kubectl 1.31+): SPDY/3.1 tunnelled in WebSocket binary
/// messages (`SPDY/3.1+portforward.k8s.io`). For each local connection kubectl opens an error
/// stream and a data stream, both naming the remote port and one request id; the sandbox answers
/// each stream, relays the data stream to what listens on the port, and ends the error stream
/// (with the kubelet's message if the connection failed) once the data stream is done.
final class PortForwardHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = WebSocketFrame
  typealias OutboundOut = WebSocketFrame

  /// One forwarded connection: its two streams and what it reaches.
  private struct Forward {
    var port = 0
    var errorStream: UInt32?
    var dataStream: UInt32?
    var connection: (any ForwardedConnection)?
    var dataEnded = false
    var finished = false
  }

  private let target: PortForwardTarget
  private var received = ByteBuffer()
  private let inflater = SPDYHeaderInflater()
  private var deflater = SPDYHeaderDeflater()
  /// Request id by stream id.
  private var requests: [UInt32: String] = [:]
  private var forwards: [String: Forward] = [:]
  private var closed = false

  init(target: PortForwardTarget) {
    self.target = target
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = unwrapInboundIn(data)
    switch frame.opcode {
    case .binary, .continuation:
      var bytes = frame.unmaskedData
      received.writeBuffer(&bytes)
      while let spdy = SPDYFrame.read(from: &received) { handle(spdy, context: context) }
    case .connectionClose:
      end(context: context)
    case .ping:
      pong(frame, context: context)
    default: break
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    closed = true
    for forward in forwards.values { forward.connection?.stop() }
    forwards = [:]
    context.fireChannelInactive()
  }

  private func handle(_ frame: SPDYFrame, context: ChannelHandlerContext) {
    switch frame {
    case .synStream(let stream, let block):
      guard let headers = try? SPDYHeaderBlock.pairs(inflater.inflate(block)) else {
        // The header stream is shared by all streams: one unreadable block spoils the connection.
        end(context: context)
        return
      }
      open(stream, headers: headers, context: context)
    case .headers(_, let block):
      _ = try? inflater.inflate(block)
    case .data(let stream, let fin, let bytes):
      guard let request = requests[stream], let forward = forwards[request], forward.dataStream == stream else {
        return
      }
      if !bytes.isEmpty { forward.connection?.write(bytes) }
      if fin { forward.connection?.closeInput() }
    case .resetStream(let stream, _):
      guard let request = requests[stream], var forward = forwards[request] else { return }
      // kubectl resets the data stream once its side is done; the connection ends with it.
      if forward.dataStream == stream {
        forward.dataEnded = true
        forwards[request] = forward
        forward.connection?.stop()
        forgetIfDone(request)
      }
    case .ping(let id):
      send(.ping(id), context: context)
    case .goAway:
      end(context: context)
    case .synReply, .ignored:
      break
    }
  }

  /// Answers a new stream and, once both streams of a request are there, connects to the port.
  private func open(_ stream: UInt32, headers: [String: String], context: ChannelHandlerContext) {
    guard let request = headers["requestid"], let port = headers["port"].flatMap(Int.init),
      let type = headers["streamtype"], type == "error" || type == "data"
    else {
      send(.resetStream(stream: stream, status: SPDYFrame.refusedStream), context: context)
      return
    }
    send(.synReply(stream: stream, headerBlock: deflater.deflate(SPDYHeaderBlock.encode([]))), context: context)
    requests[stream] = request
    var forward = forwards[request] ?? Forward()
    forward.port = port
    if type == "error" { forward.errorStream = stream } else { forward.dataStream = stream }
    forwards[request] = forward
    guard forward.errorStream != nil, forward.dataStream != nil, forward.connection == nil else { return }
    connect(request, port: port, context: context)
  }

  private func connect(_ request: String, port: Int, context: ChannelHandlerContext) {
    let loop = context.eventLoop
    let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
    do {
      let connection = try target.open(
        port: port,
        received: { bytes in
          loop.execute { bound.value.handler.relay(bytes, request: request, context: bound.value.context) }
        },
        closed: { failure in
          loop.execute { bound.value.handler.finish(request, failure: failure, context: bound.value.context) }
        })
      // A connection may have ended while it opened; it is kept only if the request is still live.
      if forwards[request]?.finished == false { forwards[request]?.connection = connection }
    } catch let refused as PortForwardTarget.Refused {
      finish(request, failure: refused.message, context: context)
    } catch {
      finish(request, failure: "\(error)", context: context)
    }
  }

  private func relay(_ bytes: [UInt8], request: String, context: ChannelHandlerContext) {
    guard let forward = forwards[request], !forward.dataEnded, let stream = forward.dataStream else { return }
    var offset = 0
    while offset < bytes.count {
      let piece = Array(bytes[offset..<min(bytes.count, offset + 32 * 1024)])
      send(.data(stream: stream, fin: false, bytes: piece), context: context)
      offset += piece.count
    }
  }

  /// The far end closed: the data stream ends, then the error stream, with the failure if any.
  private func finish(_ request: String, failure: String?, context: ChannelHandlerContext) {
    guard var forward = forwards[request], !forward.finished else { return }
    forward.finished = true
    forwards[request] = forward
    if let stream = forward.dataStream, !forward.dataEnded {
      send(.data(stream: stream, fin: true, bytes: []), context: context)
    }
    if let stream = forward.errorStream {
      if let failure { send(.data(stream: stream, fin: false, bytes: Array(failure.utf8)), context: context) }
      send(.data(stream: stream, fin: true, bytes: []), context: context)
    }
    forgetIfDone(request)
  }

  /// A request whose streams are both over is forgotten, so a long forward does not pile them up.
  private func forgetIfDone(_ request: String) {
    guard let forward = forwards[request], forward.finished, forward.dataEnded else { return }
    forwards[request] = nil
    for stream in [forward.errorStream, forward.dataStream].compactMap({ $0 }) { requests[stream] = nil }
  }

  private func send(_ frame: SPDYFrame, context: ChannelHandlerContext) {
    guard !closed, context.channel.isActive else { return }
    var buffer = context.channel.allocator.buffer(capacity: 64)
    frame.write(to: &buffer)
    context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: buffer)), promise: nil)
  }

  private func end(context: ChannelHandlerContext) {
    guard !closed else { return }
    for forward in forwards.values { forward.connection?.stop() }
    closeNormally(context: context)
    closed = true
  }
}
