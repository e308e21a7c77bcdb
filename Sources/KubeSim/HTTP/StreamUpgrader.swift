import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Upgrades stream requests to WebSocket when they offer a protocol the sandbox speaks for them
/// and name something it can reach: `kubectl exec` and `attach` (kubectl 1.30+, the channel
/// protocols) to a container, `port-forward` to a pod, as kubectl 1.31+ does it (SPDY tunnelled in
/// WebSocket) or as the kubelet's own protocol with `?ports=` (the Python client). Any other
/// request, including one whose target is wrong, goes on to the API handler, which answers with
/// the error.
enum StreamUpgrader {
  static let protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io"]
  static let portForwardProtocol = "SPDY/3.1+portforward.k8s.io"
  static let channelPortForwardProtocol = "v4.channel.k8s.io"

  /// What an upgraded connection serves: the protocol chosen and the handler that speaks it.
  private struct Stream {
    var chosen: String
    var handler: () -> any ChannelHandler
  }

  static func make(api: APIHandler, authenticate: @escaping @Sendable (Channel, HTTPRequestHead) -> Bool)
    -> NIOWebSocketServerUpgrader
  {
    NIOWebSocketServerUpgrader(
      maxFrameSize: 1 << 20,
      shouldUpgrade: { channel, head in
        guard authenticate(channel, head), let stream = stream(api, head) else {
          return channel.eventLoop.makeSucceededFuture(nil)
        }
        return channel.eventLoop.makeSucceededFuture(HTTPHeaders([("Sec-WebSocket-Protocol", stream.chosen)]))
      },
      upgradePipelineHandler: { channel, head in
        guard let stream = stream(api, head) else { return channel.close() }
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(stream.handler())
        }
      })
  }

  private static func stream(_ api: APIHandler, _ head: HTTPRequestHead) -> Stream? {
    let offered = head.headers["Sec-WebSocket-Protocol"].flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = parts.first.map(String.init) ?? "/"
    let query = QueryParameters(parts.count > 1 ? String(parts[1]) : "")
    if let forward = try? api.portForwardTarget(path: path) {
      if offered.contains(portForwardProtocol) {
        return Stream(chosen: portForwardProtocol) { PortForwardHandler(target: forward) }
      }
      guard offered.contains(channelPortForwardProtocol), let ports = try? PortForwardTarget.ports(query) else {
        return nil
      }
      return Stream(chosen: channelPortForwardProtocol) { ChannelPortForwardHandler(target: forward, ports: ports) }
    }
    guard let chosen = protocols.first(where: offered.contains),
      let target = try? api.streamTarget(path: path, query: query), let engine = api.cluster.containerEngine
    else { return nil }
    return Stream(chosen: chosen) { ChannelStreamHandler(target: target, engine: engine, logs: api.cluster.logs) }
  }
}
