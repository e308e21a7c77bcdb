import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Upgrades `kubectl exec` and `attach` requests (kubectl 1.30+) to WebSocket when they offer a
/// channel protocol the sandbox speaks and name a container it can reach, and `port-forward`
/// (kubectl 1.31+) when it offers SPDY tunnelled in WebSocket and names a pod. Any other request,
/// including one whose target is wrong, goes on to the API handler, which answers with the error.
enum StreamUpgrader {
  static let protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"]
  static let portForwardProtocol = "SPDY/3.1+portforward.k8s.io"

  static func make(api: APIHandler, authenticate: @escaping @Sendable (Channel, HTTPRequestHead) -> Bool)
    -> NIOWebSocketServerUpgrader
  {
    NIOWebSocketServerUpgrader(
      maxFrameSize: 1 << 20,
      shouldUpgrade: { channel, head in
        let offered = offeredProtocols(head)
        if offered.contains(portForwardProtocol), authenticate(channel, head),
          (try? api.portForwardTarget(path: path(head))) != nil
        {
          return channel.eventLoop.makeSucceededFuture(HTTPHeaders([("Sec-WebSocket-Protocol", portForwardProtocol)]))
        }
        guard let chosen = protocols.first(where: offered.contains), authenticate(channel, head),
          (try? target(api, head)) != nil
        else { return channel.eventLoop.makeSucceededFuture(nil) }
        return channel.eventLoop.makeSucceededFuture(HTTPHeaders([("Sec-WebSocket-Protocol", chosen)]))
      },
      upgradePipelineHandler: { channel, head in
        if let forward = try? api.portForwardTarget(path: path(head)),
          offeredProtocols(head).contains(portForwardProtocol)
        {
          return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(PortForwardHandler(target: forward))
          }
        }
        guard let target = try? target(api, head), let engine = api.cluster.containerEngine else {
          return channel.close()
        }
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            ChannelStreamHandler(target: target, engine: engine, logs: api.cluster.logs))
        }
      })
  }

  static func offeredProtocols(_ head: HTTPRequestHead) -> [String] {
    head.headers["Sec-WebSocket-Protocol"].flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  private static func path(_ head: HTTPRequestHead) -> String {
    head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
  }

  private static func target(_ api: APIHandler, _ head: HTTPRequestHead) throws -> StreamTarget {
    let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    return try api.streamTarget(path: path(head), query: QueryParameters(parts.count > 1 ? String(parts[1]) : ""))
  }
}
