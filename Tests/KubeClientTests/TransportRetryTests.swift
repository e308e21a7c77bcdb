import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

@Suite("Transport: retries of reads, never of writes, with injected faults")
struct TransportRetryTests {
  @Test func aReadRecoversFromTwoServiceUnavailableAnswers() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    sandbox.faults.inject(.status(503), count: 2)
    let start = Date()
    let namespace = try await client.getJSON(path: "/api/v1/namespaces/default")
    #expect(namespace[path: ["metadata", "name"]] == "default")
    #expect(secondsSince(start) >= 1.9)  // the sandbox's Retry-After: 1, twice
  }

  @Test func tooManyRequestsWaitsForRetryAfter() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    sandbox.faults.inject(.status(429))
    let start = Date()
    _ = try await client.getJSON(path: "/api")
    #expect(secondsSince(start) >= 0.95)
  }

  @Test func aPostHittingServiceUnavailableIsSentOnce() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    sandbox.faults.inject(.status(503), count: 2)
    let error = await clientError { _ = try await client.create(.testConfigMaps, configMap("once", data: [:])) }
    #expect(error?.status?.code == 503)
    #expect(error?.status?.reason == "ServiceUnavailable")
    // Had the POST been repeated it would have taken the second fault; it is still queued.
    let noRetry = try sandbox.client(options: ClientOptions(retry: .none))
    let next = await clientError { _ = try await noRetry.getJSON(path: "/api") }
    #expect(next?.status?.code == 503)
    let missing = await clientError { _ = try await client.get(.testConfigMaps, name: "once") }
    #expect(missing?.status?.reason == "NotFound")
  }

  @Test func aConnectionClosedMidResponseIsRetriedForAGet() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    sandbox.faults.inject(.closeMidResponse)
    let pods = try await client.list(.testPods, namespace: "kube-system")
    #expect((pods["items"]?.arrayValue ?? []).isEmpty == false)
  }

  @Test func withoutRetriesAClosedConnectionIsReported() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client(options: ClientOptions(retry: .none))
    sandbox.faults.inject(.closeMidResponse)
    let error = await clientError { _ = try await client.list(.testPods, namespace: "kube-system") }
    guard case .connectionClosed = error else {
      Issue.record("expected a closed connection, got \(String(describing: error))")
      return
    }
  }

  @Test func retriesStopAfterTheLimitWithTheServersStatus() async throws {
    let sandbox = try ClientTestSandbox()
    var retry = RetryPolicy(maxRetries: 1)
    retry.maxRetryAfter = 0.1
    let client = try sandbox.client(options: ClientOptions(retry: retry))
    sandbox.faults.inject(.status(503), count: 3)
    let error = await clientError { _ = try await client.getJSON(path: "/api") }
    #expect(error?.status?.code == 503)
    // One retry took one more fault: the third is still queued.
    let noRetry = try sandbox.client(options: ClientOptions(retry: .none))
    let next = await clientError { _ = try await noRetry.getJSON(path: "/api") }
    #expect(next?.status?.code == 503)
    #expect(try await noRetry.getJSON(path: "/api")["versions"] == ["v1"])
  }
}
