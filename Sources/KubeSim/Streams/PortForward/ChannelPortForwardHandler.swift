import Foundation
import NIOCore
import NIOWebSocket

/// A port-forward over the kubelet's own WebSocket protocol (`v4.channel.k8s.io`,
/// `?ports=80,8080`), which the Python client speaks: channel 2i carries port i's data both ways
/// and 2i+1 its error, each opening with the port as two little-endian bytes. Each port gets one
/// connection, opened at once; the WebSocket closes once every one of them has ended.
final class ChannelPortForwardHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = WebSocketFrame
  typealias OutboundOut = WebSocketFrame

  private let target: PortForwardTarget
  private let ports: [Int]
  private var connections: [(any ForwardedConnection)?]
  private var ended: [Bool]
  private var closed = false

  init(target: PortForwardTarget, ports: [Int]) {
    self.target = target
    self.ports = ports
    connections = Array(repeating: nil, count: ports.count)
    ended = Array(repeating: false, count: ports.count)
  }

  func handlerAdded(context: ChannelHandlerContext) {
    let loop = context.eventLoop
    let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
    for (index, port) in ports.enumerated() {
      let prefix = [UInt8(port & 0xff), UInt8(port >> 8)]
      send(channel: 2 * index, prefix, context: context)
      send(channel: 2 * index + 1, prefix, context: context)
    }
    for (index, port) in ports.enumerated() {
      do {
        connections[index] = try target.open(
          port: port,
          received: { bytes in
            loop.execute { bound.value.handler.send(channel: 2 * index, bytes, context: bound.value.context) }
          },
          closed: { failure in
            loop.execute { bound.value.handler.end(index, failure: failure, context: bound.value.context) }
          })
      } catch let refused as PortForwardTarget.Refused {
        end(index, failure: refused.message, context: context)
      } catch {
        end(index, failure: "\(error)", context: context)
      }
    }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = unwrapInboundIn(data)
    switch frame.opcode {
    case .binary:
      var data = frame.unmaskedData
      guard let channel: UInt8 = data.readInteger(), channel % 2 == 0, Int(channel) / 2 < ports.count else { return }
      connections[Int(channel) / 2]?.write(Array(data.readableBytesView))
    case .connectionClose:
      close(context: context)
    case .ping:
      pong(frame, context: context)
    default: break
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    closed = true
    for connection in connections { connection?.stop() }
    context.fireChannelInactive()
  }

  /// One port's connection ended: its error goes out, and the last one to end closes the socket.
  private func end(_ index: Int, failure: String?, context: ChannelHandlerContext) {
    guard !ended[index] else { return }
    ended[index] = true
    if let failure { send(channel: 2 * index + 1, Array(failure.utf8), context: context) }
    if ended.allSatisfy({ $0 }) { close(context: context) }
  }

  private func send(channel: Int, _ bytes: [UInt8], context: ChannelHandlerContext) {
    guard !closed, context.channel.isActive else { return }
    var buffer = context.channel.allocator.buffer(capacity: bytes.count + 1)
    buffer.writeInteger(UInt8(channel))
    buffer.writeBytes(bytes)
    context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: buffer)), promise: nil)
  }

  private func close(context: ChannelHandlerContext) {
    guard !closed else { return }
    closed = true
    for connection in connections { connection?.stop() }
    closeNormally(context: context)
  }
}
