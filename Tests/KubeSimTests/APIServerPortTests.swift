import Foundation
import KubeSim
import TestSupport
import Testing

/// The API server's port is its own from start to shutdown: while kube-apiserver is down clients
/// are refused, and no other socket can take the port and keep the server from coming back.
@Suite struct APIServerPortTests {
  @Test func aSuspendedServerRefusesConnectionsAndKeepsItsPort() throws {
    let server = try TestServer()
    let port = server.server.port
    server.server.suspend()
    #expect(throws: RawHTTPConnection.ConnectionError(description: "connect to port \(port): errno \(ECONNREFUSED)")) {
      try RawHTTPConnection(port: port)
    }
    // A closed port would be free for anyone; held, a bind to it fails, and the kernel never
    // hands it out for a bind to port 0 or an outgoing connection.
    #expect(throws: POSIXError(.EADDRINUSE)) { try LoopbackListener(port: port) }
    try server.server.resume()
    let connection = try RawHTTPConnection(port: port)
    try connection.send(HTTPKeepAliveTests.request("1.1", path: "/healthz"))
    #expect(try connection.readResponse().body == "ok")
  }

  @Test func theShutdownFreesThePort() throws {
    let server = try TestServer()
    let port = server.server.port
    server.server.shutdown()
    let listener = try LoopbackListener(port: port)
    listener.close()
  }

  @Test func aPortInUseIsNamedWithTheReason() throws {
    let listener = try LoopbackListener()
    defer { listener.close() }
    let server = SandboxServer(
      api: APIHandler(cluster: Cluster(), serverAddress: "127.0.0.1:0"), configuration: .init(port: listener.port))
    defer { server.shutdown() }
    let error = try #require(throws: (any Error).self) { try server.start() }
    #expect("\(error)" == "cannot listen on 127.0.0.1:\(listener.port): Address already in use")
  }
}
