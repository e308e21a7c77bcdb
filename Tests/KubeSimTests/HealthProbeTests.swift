import Foundation
import KubeSim
import Testing

/// The API answers on worker threads; a health probe is answered where it arrives, so it never
/// queues behind requests that wait on the store.
@Suite struct HealthProbeTests {
  @Test func aHealthProbeIsAnsweredWhileEveryWorkerWaitsOnTheStore() throws {
    let server = try TestServer()
    let holding = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let store = server.cluster.store
    // The store's lock held on a thread of the test's own until the probe has its answer.
    Thread.detachNewThread {
      store.update(ObjectKey(resource: "namespaces", namespace: "", name: "default")) { _ in
        holding.signal()
        release.wait()
        return nil
      }
    }
    holding.wait()
    var released = false
    defer { if !released { release.signal() } }
    // Many more reads than workers, each on its own connection: every worker waits on the lock.
    let readers = try (0..<(4 * ProcessInfo.processInfo.activeProcessorCount)).map { _ in
      let reader = try RawHTTPConnection(port: server.server.port)
      try reader.send(HTTPKeepAliveTests.request("1.1"))
      return reader
    }
    let probe = try RawHTTPConnection(port: server.server.port)
    try probe.send(HTTPKeepAliveTests.request("1.1", path: "/healthz"))
    // The connection's 10-second read timeout fails this if the probe queued behind the reads.
    #expect(try probe.readResponse().body == "ok")
    release.signal()
    released = true
    for reader in readers { #expect(try reader.readResponse().statusLine == "HTTP/1.1 200 OK") }
  }
}
