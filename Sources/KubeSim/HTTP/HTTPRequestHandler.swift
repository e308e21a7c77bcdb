import Foundation
import KubeModel
import NIOCore
import NIOHTTP1
import NIOPosix

/// Turns HTTP/1.x requests into API requests and writes the answers back, streaming watches. The
/// API answers on the worker threads: the event loop only moves bytes, so a slow request (a large
/// list, a Table, an OpenAPI document read from disk) never holds up the other connections of its
/// loop. Health probes alone are answered on the loop (see `APIHandler.answersAtOnce`). NIO's
/// pipelining assistance hands over a connection's next request only after this one's end was
/// written, so answers keep their order.
final class HTTPRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let api: APIHandler
  private let faults: FaultInjector
  private let workers: NIOThreadPool
  private let authenticate: (Channel, HTTPRequestHead) -> Authentication
  private var head: HTTPRequestHead?
  private var body: ByteBuffer?
  private var activeWatch: (any ResponseStream)?

  /// Whether a request may proceed, and as whom.
  enum Authentication {
    case user(String?)
    case rejected
  }

  init(
    api: APIHandler, faults: FaultInjector, workers: NIOThreadPool,
    authenticate: @escaping (Channel, HTTPRequestHead) -> Authentication
  ) {
    self.api = api
    self.faults = faults
    self.workers = workers
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
    switch authenticate(context.channel, requestHead) {
    case .rejected:
      write(.error(.unauthorized), for: requestHead, context: context)
      return
    case .user(let name): user = name
    }
    let request = APIRequest(
      method: requestHead.method.rawValue, uri: requestHead.uri,
      headers: requestHead.headers.map { (name: $0.name, value: $0.value) }, body: body, user: user)
    if requestHead.uri.split(separator: "?").first.map(String.init) == FaultInjector.endpointPath {
      write(faults.answer(method: requestHead.method.rawValue, body: body), for: requestHead, context: context)
      return
    }
    switch faults.take() {
    case nil:
      answer(request, context: context) { self.write($0, for: requestHead, context: context) }
    case .status(let code):
      var response = APIResponse.error(APIError(Self.injectedStatus(code)))
      if code == 429 || code == 503 { response.headers.append(("Retry-After", "1")) }
      write(response, for: requestHead, context: context)
    case .closeMidResponse:
      answer(request, context: context) { self.writeTruncated($0, for: requestHead, context: context) }
    case .delay(let seconds):
      let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
      let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
      context.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
        let (handler, context) = (handler.value, boundContext.value)
        handler.answer(request, context: context) { handler.write($0, for: requestHead, context: context) }
      }
    }
  }

  /// Runs the API on the worker threads and hands its response to `then` back on the event loop,
  /// unless the client left meanwhile (a watch started then would never be stopped).
  private func answer(
    _ request: APIRequest, context: ChannelHandlerContext,
    then: @escaping (APIResponse) -> Void
  ) {
    guard context.channel.isActive else { return }
    if api.answersAtOnce(request) { return then(api.handle(request)) }
    let api = api
    workers.runIfActive(eventLoop: context.eventLoop) { api.handle(request) }.assumeIsolated().whenComplete {
      result in
      guard context.channel.isActive else { return }
      switch result {
      case .success(let response): then(response)
      // The server is shutting down.
      case .failure: context.close(promise: nil)
      }
    }
  }

  /// The Status an injected error answers with: the reason the real server gives for that code.
  static func injectedStatus(_ code: Int) -> Status {
    let reasons = [
      401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict", 429: "TooManyRequests",
      500: "InternalError", 503: "ServiceUnavailable", 504: "Timeout",
    ]
    return Status(code: code, reason: reasons[code] ?? "", message: "the sandbox injected this fault (HTTP \(code))")
  }

  /// Promises the whole body, sends half of it, and hangs up: a connection lost mid-response.
  private func writeTruncated(_ response: APIResponse, for requestHead: HTTPRequestHead, context: ChannelHandlerContext)
  {
    guard case .bytes(let bytes) = response.body else {
      context.close(promise: nil)
      return
    }
    var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
    headers.add(name: "Content-Length", value: String(bytes.count))
    context.write(
      wrapOutboundOut(
        .head(
          HTTPResponseHead(version: requestHead.version, status: .init(statusCode: response.status), headers: headers))),
      promise: nil)
    let half = context.channel.allocator.buffer(bytes: bytes.prefix(bytes.count / 2))
    context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(half)))).whenComplete { _ in
      context.close(promise: nil)
    }
  }

  private func write(_ response: APIResponse, for requestHead: HTTPRequestHead, context: ChannelHandlerContext) {
    var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
    headers.add(name: "Cache-Control", value: "no-cache, private")
    switch response.body {
    case .bytes(let bytes):
      headers.add(name: "Content-Length", value: String(bytes.count))
      let keepAlive = requestHead.isKeepAlive
      if !keepAlive {
        headers.add(name: "Connection", value: "close")
      } else if !requestHead.version.keepsAliveByDefault {
        // An HTTP/1.0 client closes the connection unless the answer says it stays open.
        headers.add(name: "Connection", value: "keep-alive")
      }
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

  /// A watch or a followed log: chunked pieces until the stream's timeout or end, the client
  /// leaving, or an expired start.
  private func startStreaming(
    _ watch: any ResponseStream, for requestHead: HTTPRequestHead, headers: HTTPHeaders, status: Int,
    context: ChannelHandlerContext
  ) {
    var headers = headers
    // HTTP/1.0 has no chunks: the stream's end is the connection's end.
    let chunked = requestHead.version.keepsAliveByDefault
    headers.add(name: chunked ? "Transfer-Encoding" : "Connection", value: chunked ? "chunked" : "close")
    context.writeAndFlush(
      wrapOutboundOut(
        .head(HTTPResponseHead(version: requestHead.version, status: .init(statusCode: status), headers: headers))),
      promise: nil)
    let loop = context.eventLoop
    let boundContext = NIOLoopBound(context, eventLoop: loop)
    let handler = NIOLoopBound(self, eventLoop: loop)
    let finish: @Sendable () -> Void = {
      loop.execute {
        let handler = handler.value
        guard handler.activeWatch === watch else { return }
        watch.stop()
        handler.activeWatch = nil
        let context = boundContext.value
        let ended = context.writeAndFlush(handler.wrapOutboundOut(.end(nil)))
        if !chunked { ended.whenComplete { _ in context.close(promise: nil) } }
      }
    }
    // Set before starting, so an end the stream reports at once still finds it.
    activeWatch = watch
    let started = watch.start(
      send: { line in
        loop.execute {
          let context = boundContext.value
          // A line may arrive after the stream ended: the connection has moved on since.
          guard handler.value.activeWatch === watch, context.channel.isActive else { return }
          context.writeAndFlush(
            handler.value.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: line)))),
            promise: nil)
        }
      }, finish: finish)
    guard started else {
      finish()
      return
    }
    loop.scheduleTask(in: .milliseconds(Int64(watch.timeout * 1000))) { finish() }
  }
}

extension HTTPVersion {
  /// HTTP/1.1 and later keep a connection open unless told otherwise, and frame bodies in chunks.
  fileprivate var keepsAliveByDefault: Bool { major > 1 || (major == 1 && minor >= 1) }
}
