import Foundation
import KubeModel
import NIOCore
import NIOHTTP1

/// Turns HTTP/1.1 requests into API requests and writes the answers back, streaming watches.
final class HTTPRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let api: APIHandler
  private let authenticate: (ChannelHandlerContext, HTTPRequestHead) -> Authentication
  private var head: HTTPRequestHead?
  private var body: ByteBuffer?
  private var activeWatch: WatchStream?

  /// Whether a request may proceed, and as whom.
  enum Authentication {
    case user(String?)
    case rejected
  }

  init(api: APIHandler, authenticate: @escaping (ChannelHandlerContext, HTTPRequestHead) -> Authentication) {
    self.api = api
    self.authenticate = authenticate
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let requestHead):
      head = requestHead
      body = nil
    case .body(var chunk):
      if body == nil { body = chunk } else { body!.writeBuffer(&chunk) }
    case .end:
      guard let requestHead = head else { return }
      head = nil
      respond(to: requestHead, body: body.map { Array($0.readableBytesView) } ?? [], context: context)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    activeWatch?.stop()
    activeWatch = nil
    context.fireChannelInactive()
  }

  private func respond(to requestHead: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
    let user: String?
    switch authenticate(context, requestHead) {
    case .rejected:
      write(.error(.unauthorized), for: requestHead, context: context)
      return
    case .user(let name): user = name
    }
    let request = APIRequest(
      method: requestHead.method.rawValue, uri: requestHead.uri,
      headers: requestHead.headers.map { (name: $0.name, value: $0.value) }, body: body, user: user)
    write(api.handle(request), for: requestHead, context: context)
  }

  private func write(_ response: APIResponse, for requestHead: HTTPRequestHead, context: ChannelHandlerContext) {
    var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
    headers.add(name: "Cache-Control", value: "no-cache, private")
    switch response.body {
    case .bytes(let bytes):
      headers.add(name: "Content-Length", value: String(bytes.count))
      let keepAlive = requestHead.isKeepAlive
      if !keepAlive { headers.add(name: "Connection", value: "close") }
      context.write(
        wrapOutboundOut(
          .head(
            HTTPResponseHead(version: requestHead.version, status: .init(statusCode: response.status), headers: headers)
          )), promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
      let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
      if !keepAlive { done.whenComplete { _ in context.close(promise: nil) } }
    case .stream(let stream):
      startStreaming(stream, for: requestHead, headers: headers, status: response.status, context: context)
    }
  }

  /// A watch: chunked lines until the stream's timeout, the client leaving, or an expired start.
  private func startStreaming(
    _ watch: WatchStream, for requestHead: HTTPRequestHead, headers: HTTPHeaders, status: Int,
    context: ChannelHandlerContext
  ) {
    var headers = headers
    headers.add(name: "Transfer-Encoding", value: "chunked")
    context.writeAndFlush(
      wrapOutboundOut(
        .head(HTTPResponseHead(version: requestHead.version, status: .init(statusCode: status), headers: headers))),
      promise: nil)
    let loop = context.eventLoop
    let boundContext = NIOLoopBound(context, eventLoop: loop)
    let handler = NIOLoopBound(self, eventLoop: loop)
    let started = watch.start { line in
      loop.execute {
        let context = boundContext.value
        guard context.channel.isActive else { return }
        context.writeAndFlush(
          handler.value.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: line)))),
          promise: nil)
      }
    }
    let finish = {
      loop.execute {
        let handler = handler.value
        guard handler.activeWatch === watch || !started else { return }
        watch.stop()
        handler.activeWatch = nil
        boundContext.value.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
      }
    }
    guard started else {
      finish()
      return
    }
    activeWatch = watch
    loop.scheduleTask(in: .milliseconds(Int64(watch.timeout * 1000))) { finish() }
  }
}
