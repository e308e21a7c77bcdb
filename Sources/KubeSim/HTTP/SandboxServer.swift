import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The sandbox's HTTP/1.1 listener: plain or TLS, on loopback unless told otherwise.
public final class SandboxServer: Sendable {
  public struct Configuration: Sendable {
    public var host: String
    public var port: Int
    /// TLS for every connection, or nil for plain HTTP.
    public var tls: NIOSSLContext?
    /// Decides each request's user; nil means no authentication (plain HTTP sandboxes).
    public var authenticator: SandboxAuthenticator?

    public init(
      host: String = "127.0.0.1", port: Int = 0, tls: NIOSSLContext? = nil, authenticator: SandboxAuthenticator? = nil
    ) {
      self.host = host
      self.port = port
      self.tls = tls
      self.authenticator = authenticator
    }
  }

  public let api: APIHandler
  public let configuration: Configuration
  public let connections = ConnectionCounter()
  public let faults = FaultInjector()
  private let group: MultiThreadedEventLoopGroup
  /// Where API requests are answered, one thread a core, so the event loops only move bytes.
  private let workers = NIOThreadPool(numberOfThreads: System.coreCount)
  private let listening = Mutex(Listening())
  private let isShutDown = Mutex(false)

  /// The listener (nil while suspended), the address and port it listens on, held from the start
  /// to the shutdown, and the port, still known after.
  private struct Listening {
    var listener: Listener?
    var reservation: PortReservation?
    var boundPort: Int?
  }

  /// A channel accepting connections, and its socket, which can stop listening before it closes.
  private struct Listener {
    var channel: Channel
    var socket: ListeningSocket

    func close() {
      socket.stopListening()
      try? channel.close().wait()
    }
  }

  public init(api: APIHandler, configuration: Configuration) {
    self.api = api
    self.configuration = configuration
    group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
  }

  /// Binds and starts serving; returns the bound port (useful when port 0 asked for any free one).
  @discardableResult
  public func start() throws -> Int {
    workers.start()
    let reservation = try PortReservation(host: configuration.host, port: configuration.port)
    let listener = try listen(at: reservation)
    listening.withLock { $0 = Listening(listener: listener, reservation: reservation, boundPort: reservation.port) }
    return reservation.port
  }

  private func listen(at reservation: PortReservation) throws -> Listener {
    let socket = try reservation.makeListeningSocket()
    let channel = try makeBootstrap().withBoundSocket(socket.channelDescriptor).wait()
    return Listener(channel: channel, socket: socket)
  }

  /// How the server accepts connections: TLS, authentication, HTTP and the stream upgrade. Made
  /// again to listen again, since a bootstrap is not Sendable and the server is.
  private func makeBootstrap() -> ServerBootstrap {
    let api = api
    let configuration = configuration
    let connections = connections
    let faults = faults
    let workers = workers
    return ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.backlog, value: 256)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      // TCP_NODELAY at the TCP level: as a socket-level option its number is SO_DEBUG, which only
      // root may set, and an unprivileged sandbox dropped every connection.
      .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        connections.increment()
        do {
          if let tls = configuration.tls {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
          }
          let authenticate: @Sendable (Channel, HTTPRequestHead) -> HTTPRequestHandler.Authentication = {
            channel, head in
            guard let authenticator = configuration.authenticator else { return .user(nil) }
            let subject = try? channel.pipeline.syncOperations.verifiedClientCertificateSubject()
            let user = authenticator.authenticate(
              clientCertificate: subject, authorizationHeader: head.headers.first(name: "Authorization"))
            return user.map { .user($0.name) } ?? .rejected
          }
          let requests = HTTPRequestHandler(api: api, faults: faults, workers: workers, authenticate: authenticate)
          // exec and attach leave HTTP for WebSocket; the request handler then steps aside.
          let streams = StreamUpgrader.make(api: api) { channel, head in
            if case .user = authenticate(channel, head) { return true }
            return false
          }
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (
              upgraders: [streams],
              completionHandler: { context in context.pipeline.removeHandler(requests, promise: nil) }
            ), withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(requests)
          return channel.eventLoop.makeSucceededVoidFuture()
        } catch {
          return channel.eventLoop.makeFailedFuture(error)
        }
      }
  }

  public var port: Int { listening.withLock { $0.boundPort } ?? configuration.port }

  /// Stops accepting connections, as a crashed kube-apiserver does: clients get "connection
  /// refused" until `resume`, and the port stays held. Connections already open stay.
  public func suspend() {
    listening.withLock { $0.listener.take() }?.close()
  }

  /// Listens again on the same port after `suspend`.
  public func resume() throws {
    let (reservation, isListening) = listening.withLock { ($0.reservation, $0.listener != nil) }
    guard let reservation, !isListening, !isShutDown.withLock({ $0 }) else { return }
    let listener = try listen(at: reservation)
    listening.withLock { $0.listener = listener }
  }

  /// Stops listening, lets the requests being answered finish, and ends the event loops; later
  /// calls do nothing.
  public func shutdown() {
    let first = isShutDown.withLock { isShutDown in
      defer { isShutDown = true }
      return !isShutDown
    }
    guard first else { return }
    listening.withLock { $0.listener.take() }?.close()
    listening.withLock { $0.reservation = nil }
    try? workers.syncShutdownGracefully()
    try? group.syncShutdownGracefully()
  }
}
