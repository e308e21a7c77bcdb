import Foundation
import NIOCore
import NIOWebSocket

/// Carries one terminal over a WebSocket. To the page: binary frames of output (the scrollback
/// first). From the page: text frames whose first character says what they are, `i` followed by
/// typed or pasted text, `r` followed by `columns,rows` after a resize.
final class TerminalWebSocketHandler: ChannelInboundHandler {
  typealias InboundIn = WebSocketFrame
  typealias OutboundOut = WebSocketFrame

  private let terminal: TerminalSession
  private var listener: UUID?

  init(terminal: TerminalSession) {
    self.terminal = terminal
  }

  func handlerAdded(context: ChannelHandlerContext) {
    let channel = context.channel
    listener = terminal.attach { event in
      switch event {
      case .output(let bytes):
        guard !bytes.isEmpty else { return }
        let frame = WebSocketFrame(fin: true, opcode: .binary, data: channel.allocator.buffer(bytes: bytes))
        channel.writeAndFlush(frame, promise: nil)
      case .exited:
        let goodbye = WebSocketFrame(
          fin: true, opcode: .connectionClose, data: channel.allocator.buffer(bytes: [0x03, 0xE8]))
        channel.writeAndFlush(goodbye).whenComplete { _ in channel.close(promise: nil) }
      }
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let listener { terminal.detach(listener) }
    listener = nil
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let frame = unwrapInboundIn(data)
    switch frame.opcode {
    case .text, .binary:
      var data = frame.unmaskedData
      guard let message = data.readString(length: data.readableBytes), let kind = message.first else { return }
      let rest = message.dropFirst()
      switch kind {
      case "i": terminal.input(Array(rest.utf8))
      case "r":
        let numbers = rest.split(separator: ",").compactMap { Int($0) }
        if numbers.count == 2, numbers.allSatisfy({ $0 > 0 }) { terminal.resize(columns: numbers[0], rows: numbers[1]) }
      default: break
      }
    case .ping:
      context.writeAndFlush(
        wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
    case .connectionClose:
      context.writeAndFlush(
        wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: frame.unmaskedData))
      )
      .whenComplete { _ in context.close(promise: nil) }
    default: break
    }
  }
}
