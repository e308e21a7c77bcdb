import Foundation
import KubeSim
import Processes
import Synchronization
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

  /// A child being spawned holds a copy of every descriptor until it execs. The listener must
  /// refuse from the moment `suspend` returns all the same: a closed listener that a child still
  /// held completed connections, and the kernel reset them once the child let go.
  @Test func aSuspendedServerRefusesWhileChildrenAreSpawned() async throws {
    let test = try TestServer()
    let server = test.server
    let port = server.port
    let spawning = Mutex(true)
    for _ in 0..<2 {
      Thread.detachNewThread {
        while spawning.withLock({ $0 }) {
          (try? SpawnedProcess(ProcessCommand("/bin/true", environment: [:])))?.waitUntilExit()
        }
      }
    }
    // Blocking connects and NIO's waits, on a thread of the test's own, not the cooperative pool.
    let (accepted, failure) = await withCheckedContinuation { (ended: CheckedContinuation<(Int, String?), Never>) in
      Thread.detachNewThread {
        defer { spawning.withLock { $0 = false } }
        var accepted = 0
        for _ in 0..<1_000 {
          server.suspend()
          if (try? RawHTTPConnection(port: port)) != nil { accepted += 1 }
          do {
            try server.resume()
          } catch {
            return ended.resume(returning: (accepted, "\(error)"))
          }
        }
        ended.resume(returning: (accepted, nil))
      }
    }
    #expect(accepted == 0)
    #expect(failure == nil)
    withExtendedLifetime(test) {}
  }

  @Test func theShutdownFreesThePort() async throws {
    let server = try TestServer()
    let port = server.server.port
    server.server.shutdown()
    var bound = Result { try LoopbackListener(port: port) }
    // A condition poll: a child being spawned by another test holds a copy of the closed sockets
    // until it execs, for microseconds, and the port is free only after.
    for _ in 0..<100 where (try? bound.get()) == nil {
      try await Task.sleep(for: .milliseconds(10))
      bound = Result { try LoopbackListener(port: port) }
    }
    try bound.get().close()
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
