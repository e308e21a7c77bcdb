import NIOCore
import NIOWebSocket

/// What every stream handler answers on its WebSocket beyond its own data: a pong to a ping, and
/// a normal close (code 1000) when the stream is done, after which the connection closes.
extension ChannelInboundHandler where OutboundOut == WebSocketFrame {
  func pong(_ ping: WebSocketFrame, context: ChannelHandlerContext) {
    context.writeAndFlush(
      wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: ping.unmaskedData)), promise: nil)
  }

  func closeNormally(context: ChannelHandlerContext) {
    var code = context.channel.allocator.buffer(capacity: 2)
    code.write(webSocketErrorCode: .normalClosure)
    context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: code)))
      .whenComplete { _ in context.close(promise: nil) }
  }
}
