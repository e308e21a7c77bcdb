import Foundation
import KubeClient
import KubeModel
import KubeSim
import TestSupport
import Testing

@Suite("Transport: connection reuse, timeouts, cancellation, unreachable servers")
struct TransportConnectionTests {
  @Test func sequentialRequestsShareOneConnection() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let before = sandbox.connections
    for _ in 0..<10 { _ = try await client.list(.testPods) }
    #expect(sandbox.connections - before == 1)
  }

  @Test func benchmarkHelperTimesGetsAndCountsConnections() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let result = try await SequentialGetBenchmark.run(client: client, count: 20)
    #expect(result.requests == 20)
    #expect(result.connectionsOpened == 1)
    #expect(result.seconds > 0)
    #expect(result.description.contains("20 GETs"))
  }

  @Test func aResponseSlowerThanTheRequestTimeoutIsATimeout() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client(options: ClientOptions(requestTimeout: 0.5))
    sandbox.faults.inject(.delay(3))
    let error = await clientError { _ = try await client.getJSON(path: "/api") }
    guard case .timedOut(let server, _) = error else {
      Issue.record("expected a timeout, got \(String(describing: error))")
      return
    }
    #expect(server == sandbox.sandbox.url)
  }

  @Test func cancellingTheTaskAbortsAnInFlightRequest() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    // Long enough that a loaded machine cannot let the response arrive before the cancel does.
    sandbox.faults.inject(.delay(120))
    let task = Task { try await client.getJSON(path: "/api") }
    // A condition poll: the server takes the delay fault when the request arrives, so the request
    // is in flight, held by the server, when the task is cancelled.
    while sandbox.faults.pending > 0 { try await Task.sleep(for: .milliseconds(10)) }
    task.cancel()
    let error = await clientError { _ = try await task.value }
    guard case .cancelled = error else {
      Issue.record("expected cancellation, got \(String(describing: error))")
      return
    }
  }

  @Test func aServerThatStoppedListeningIsConnectionRefused() async throws {
    let stopped = try ClientTestSandbox()
    let endpoint = stopped.endpoint()
    // Suspended, as a crashed kube-apiserver, the server keeps its port: a port closed by a
    // shutdown could be taken at once by a sandbox of another test.
    stopped.sandbox.server.suspend()
    let client = try KubeClient(endpoint: endpoint, options: ClientOptions(retry: .none))
    let error = await clientError { _ = try await client.getJSON(path: "/api") }
    guard case .connectionRefused(let server) = error else {
      Issue.record("expected connection refused, got \(String(describing: error))")
      return
    }
    #expect(server == endpoint.server)
  }

  @Test func anUnknownHostIsADNSFailure() async throws {
    let client = try KubeClient(endpoint: ClusterEndpoint(server: "https://kubelab-no-such-host.invalid:6443"))
    let error = await clientError { _ = try await client.getJSON(path: "/api") }
    guard case .hostNotFound(_, let host) = error else {
      Issue.record("expected a DNS failure, got \(String(describing: error))")
      return
    }
    #expect(host == "kubelab-no-such-host.invalid")
  }

  @Test func requestsGoThroughTheConfiguredProxy() async throws {
    let sandbox = try ClientTestSandbox()
    let refusing = try LoopbackListener.placeholder()
    defer { refusing.close() }
    let proxy = "http://127.0.0.1:\(refusing.port)"
    var endpoint = sandbox.endpoint()
    endpoint.proxyURL = proxy
    let error = await clientError { _ = try await KubeClient(endpoint: endpoint).getJSON(path: "/api") }
    guard case .proxyFailed(let named, _) = error else {
      Issue.record("expected the proxy to be used and fail, got \(String(describing: error))")
      return
    }
    #expect(named == proxy)
  }

  @Test func aServerThatIsNotAURLIsAConfigurationError() {
    #expect(throws: KubeClientError.self) { try KubeClient(endpoint: ClusterEndpoint(server: "127.0.0.1:6443")) }
  }
}
