import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Upgrades `kubectl exec` and `attach` requests (kubectl 1.30+) to WebSocket when they offer a
/// channel protocol the sandbox speaks and name a container it can reach. Any other request,
/// including one whose target is wrong, goes on to the API handler, which answers with the error.
enum StreamUpgrader {
  static let protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"]

  static func make(api: APIHandler, authenticate: @escaping @Sendable (Channel, HTTPRequestHead) -> Bool)
    -> NIOWebSocketServerUpgrader
  {
    NIOWebSocketServerUpgrader(
      maxFrameSize: 1 << 20,
      shouldUpgrade: { channel, head in
        guard let chosen = chosenProtocol(head), authenticate(channel, head),
          (try? target(api, head)) != nil
        else { return channel.eventLoop.makeSucceededFuture(nil) }
        return channel.eventLoop.makeSucceededFuture(HTTPHeaders([("Sec-WebSocket-Protocol", chosen)]))
      },
      upgradePipelineHandler: { channel, head in
        guard let target = try? target(api, head), let engine = api.cluster.containerEngine else {
          return channel.close()
        }
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            ChannelStreamHandler(target: target, engine: engine, logs: api.cluster.logs))
        }
      })
  }

  static func chosenProtocol(_ head: HTTPRequestHead) -> String? {
    let offered = head.headers["Sec-WebSocket-Protocol"].flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return protocols.first { offered.contains($0) }
  }

  private static func target(_ api: APIHandler, _ head: HTTPRequestHead) throws -> StreamTarget {
    let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    return try api.streamTarget(
      path: parts.first.map(String.init) ?? "/", query: QueryParameters(parts.count > 1 ? String(parts[1]) : ""))
  }
}
