import Foundation
import NIOCore
import NIOHTTP1

/// Reads each request whole, refuses it without the access token, and answers it with what the
/// router returns (the router may grade or provision for a while: it runs as a task, off the
/// event loop).
final class HTTPRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let token: AccessToken
  private let router: WebRouter
  private var head: HTTPRequestHead?
  private var body = Data()
  private static let bodyLimit = 1 << 20

  init(token: AccessToken, router: WebRouter) {
    self.token = token
    self.router = router
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let requestHead):
      head = requestHead
      body = Data()
    case .body(let chunk):
      // Bodies are small JSON documents: a larger one is refused before it is read into memory.
      guard body.count + chunk.readableBytes <= Self.bodyLimit else {
        head = nil
        context.close(promise: nil)
        return
      }
      body.append(contentsOf: chunk.readableBytesView)
    case .end:
      guard let requestHead = head else { return }
      head = nil
      respond(to: requestHead, context: context)
    }
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    guard token.admits(head) else {
      write(
        .text("Forbidden: open the URL that `kubelab web` printed, with its token.\n", status: .forbidden),
        head: head, context: context)
      return
    }
    let request = WebRequest(
      method: head.method, path: head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/",
      uri: head.uri, headers: head.headers, body: body)
    let router = router
    let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
    let eventLoop = context.eventLoop
    Task {
      let response = await router.respond(to: request)
      eventLoop.execute {
        let (handler, context) = bound.value
        handler.write(response, head: head, context: context)
      }
    }
  }

  private func write(_ response: WebResponse, head: HTTPRequestHead, context: ChannelHandlerContext) {
    guard context.channel.isActive else { return }
    var headers = HTTPHeaders([
      ("Content-Type", response.contentType), ("Content-Length", String(response.body.count)),
      ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
      // Nothing from anywhere else: the page works offline and cannot be framed by another site.
      ("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"),
    ])
    for (name, value) in response.headers { headers.add(name: name, value: value) }
    if AccessToken.queryItem("token", in: head.uri) != nil { headers.add(name: "Set-Cookie", value: token.cookie) }
    let keepAlive = head.isKeepAlive
    if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
    context.write(
      wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))),
      promise: nil)
    context.write(
      wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
    let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if !keepAlive { done.whenComplete { _ in context.close(promise: nil) } }
  }
}
