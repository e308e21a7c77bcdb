import KubeModel
import KubeSim
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A tiny HTTPS server on 127.0.0.1 for TLS tests: it answers every request 200 with the
/// authenticated user as JSON (`{"user":…,"groups":[…]}`), or 401 when nobody is authenticated.
final class AuthEchoServer {
  let port: Int
  private let group: MultiThreadedEventLoopGroup
  private let channel: Channel

  private init(port: Int, group: MultiThreadedEventLoopGroup, channel: Channel) {
    self.port = port
    self.group = group
    self.channel = channel
  }

  static func start(sslContext: NIOSSLContext, authenticator: SandboxAuthenticator) async throws -> AuthEchoServer {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
      let channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(AuthEchoHandler(authenticator: authenticator))
          }
        }
        .bind(host: "127.0.0.1", port: 0)
        .get()
      guard let port = channel.localAddress?.port else { throw AuthEchoServerError.noBoundPort }
      return AuthEchoServer(port: port, group: group, channel: channel)
    } catch {
      try await group.shutdownGracefully()
      throw error
    }
  }

  func shutdown() async throws {
    try await channel.close()
    try await group.shutdownGracefully()
  }
}

enum AuthEchoServerError: Error {
  case noBoundPort
}

private final class AuthEchoHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let authenticator: SandboxAuthenticator
  private var requestHead: HTTPRequestHead?

  init(authenticator: SandboxAuthenticator) {
    self.authenticator = authenticator
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): requestHead = head
    case .body: break
    case .end:
      guard let head = requestHead else { return }
      requestHead = nil
      respond(to: head, context: context)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    context.close(promise: nil)
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    let subject = try? context.pipeline.syncOperations.verifiedClientCertificateSubject()
    let user = authenticator.authenticate(
      clientCertificate: subject ?? nil,
      authorizationHeader: head.headers.first(name: "authorization")
    )
    let status: HTTPResponseStatus
    let body: JSON
    if let user {
      status = .ok
      body = ["user": .string(user.name), "groups": .array(user.groups.map(JSON.string))]
    } else {
      status = .unauthorized
      body = ["kind": "Status", "reason": "Unauthorized", "code": 401]
    }
    let bytes = body.serialized()
    var headers = HTTPHeaders([("content-type", "application/json"), ("content-length", "\(bytes.utf8.count)")])
    if !head.isKeepAlive { headers.add(name: "connection", value: "close") }
    context.write(
      wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: bytes)))), promise: nil)
    let keepAlive = head.isKeepAlive
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      if !keepAlive { context.close(promise: nil) }
    }
  }
}
