import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// The page's server: HTTP/1.1 for the page and its API, WebSocket upgrades for terminals, every
/// request refused without the access token, every WebSocket refused from another origin.
final class WebServer: Sendable {
  private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  private let channel = Mutex<Channel?>(nil)

  /// Binds `address:port` (port 0: any free one) and starts serving; the port bound.
  func start(address: String, port: Int, router: WebRouter, terminals: TerminalRegistry) throws -> Int {
    let channel = try ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        let http = HTTPRequestHandler(token: router.token, router: router)
        let upgrader = NIOWebSocketServerUpgrader(
          maxFrameSize: 1 << 20,
          shouldUpgrade: { channel, head in
            channel.eventLoop.makeSucceededFuture(
              TerminalRoute.accepts(head, token: router.token, terminals: terminals) ? HTTPHeaders() : nil)
          },
          upgradePipelineHandler: { channel, head in
            guard let terminal = TerminalRoute.terminal(head, terminals: terminals) else {
              return channel.close()
            }
            return channel.eventLoop.makeCompletedFuture {
              try channel.pipeline.syncOperations.addHandler(
                NIOWebSocketFrameAggregator(
                  minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 1024, maxAccumulatedFrameSize: 1 << 22))
              try channel.pipeline.syncOperations.addHandler(TerminalWebSocketHandler(terminal: terminal))
            }
          })
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (
              upgraders: [upgrader],
              completionHandler: { context in context.pipeline.removeHandler(http, promise: nil) }
            ))
          try channel.pipeline.syncOperations.addHandler(http)
        }
      }
      .bind(host: address, port: port).wait()
    self.channel.withLock { $0 = channel }
    return channel.localAddress?.port ?? port
  }

  func shutdown() {
    try? channel.withLock { $0 }?.close().wait()
    try? group.syncShutdownGracefully()
  }
}
