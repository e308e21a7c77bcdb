import Foundation
import Isolation
import KubeSim

/// One request on the pod network socket: the JSON line out, the reply line back, and then, for a
/// connection, the socket itself carrying its bytes.
struct PodNetworkClient {
  let socket: Int32
  let reply: PodNetworkReply

  /// Sends `request` and waits for the sandbox's reply (it answers a dropped connection only
  /// once the request's timeout has passed). Throws with one line when the sandbox is gone.
  init(_ request: PodNetworkRequest) throws {
    let path = PodNetworkCommands.socketFolder + "/" + PodNetworkCommands.socketName
    socket = try UnixSocket.connect(to: path)
    var line = try JSONEncoder().encode(request)
    line.append(UInt8(ascii: "\n"))
    guard DescriptorWriter.writeAll(socket, Array(line), socket: true) else {
      close(socket)
      throw UnixSocket.Failure(description: "the sandbox closed the pod network socket")
    }
    var received: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = recv(socket, &byte, 1, 0)
      if count < 0, errno == EINTR { continue }
      guard count == 1 else { break }
      if byte == UInt8(ascii: "\n") { break }
      received.append(byte)
    }
    guard let decoded = try? JSONDecoder().decode(PodNetworkReply.self, from: Data(received)) else {
      close(socket)
      throw UnixSocket.Failure(description: "the sandbox did not answer on the pod network socket")
    }
    reply = decoded
  }

  /// A request from this container's resolver settings.
  static func request(
    _ kind: PodNetworkRequest.Kind, host: String, port: Int = 0, timeout: Double, resolver: ResolvConf = .read()
  ) -> PodNetworkRequest {
    PodNetworkRequest(
      kind: kind, host: host, port: port, search: resolver.search, ndots: resolver.ndots,
      nameserver: resolver.nameserver, timeout: timeout)
  }
}
