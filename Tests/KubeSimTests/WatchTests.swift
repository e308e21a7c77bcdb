import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing

/// Watch streams read with curl: newline-delimited events, resourceVersion semantics, timeouts.
@Suite struct WatchTests {
  /// Reads a watch with curl until the server ends it (the request's timeoutSeconds).
  func events(_ server: TestServer, _ query: String) async throws -> [JSON] {
    let output = try await ProcessRunner.run(
      "/usr/bin/curl", ["-sN", server.client.baseURL + "/api/v1/namespaces/default/pods?watch=true&" + query],
      timeout: 30)
    return try output.stdout.split(separator: "\n").map { try JSON(parsing: String($0)) }
  }

  @Test func withoutVersionReplaysTheCurrentState() async throws {
    let server = try TestServer()
    _ = try await server.client.send("POST", "/api/v1/namespaces/default/pods", body: TestServer.pod("a"))
    _ = try await server.client.send("POST", "/api/v1/namespaces/default/pods", body: TestServer.pod("b"))
    let events = try await events(server, "timeoutSeconds=1")
    #expect(events.map { $0["type"] } == ["ADDED", "ADDED"])
    #expect(events.map { $0[path: ["object", "metadata", "name"]] } == ["a", "b"])
    #expect(events.first?[path: ["object", "kind"]] == "Pod")
  }

  @Test func fromAVersionSendsOnlyLaterChanges() async throws {
    let server = try TestServer()
    let base = "/api/v1/namespaces/default/pods"
    let created = try #require(try await server.client.send("POST", base, body: TestServer.pod("a")).json)
    let version = try #require(created[path: ["metadata", "resourceVersion"]]?.stringValue)
    _ = try await server.client.send(
      "PATCH", base + "/a", body: ["metadata": ["labels": ["x": "y"]]], contentType: "application/merge-patch+json")
    _ = try await server.client.send("DELETE", base + "/a")
    let events = try await events(server, "resourceVersion=\(version)&timeoutSeconds=1")
    #expect(events.map { $0["type"] } == ["MODIFIED", "DELETED"])
    #expect(events.first?[path: ["object", "metadata", "labels", "x"]] == "y")
  }

  @Test func selectorTurnsNonMatchingChangesIntoAddedAndDeleted() async throws {
    let server = try TestServer()
    let base = "/api/v1/namespaces/default/pods"
    let created = try #require(try await server.client.send("POST", base, body: TestServer.pod("a")).json)
    let version = try #require(created[path: ["metadata", "resourceVersion"]]?.stringValue)
    for value in ["on", "off"] {
      _ = try await server.client.send(
        "PATCH", base + "/a", body: ["metadata": ["labels": ["watched": .string(value)]]],
        contentType: "application/merge-patch+json")
    }
    let events = try await events(server, "labelSelector=watched%3Don&resourceVersion=\(version)&timeoutSeconds=1")
    #expect(events.map { $0["type"] } == ["ADDED", "DELETED"])
  }

  @Test func tooOldVersionIsExpired() async throws {
    let server = try TestServer()
    server.cluster.store.trimHistory(keeping: 0)
    for index in 0..<3 {
      _ = try await server.client.send("POST", "/api/v1/namespaces/default/pods", body: TestServer.pod("p\(index)"))
    }
    server.cluster.store.trimHistory(keeping: 1)
    let events = try await events(server, "resourceVersion=1&timeoutSeconds=1")
    #expect(events.count == 1)
    #expect(events.first?["type"] == "ERROR")
    #expect(events.first?[path: ["object", "code"]] == 410)
    #expect(events.first?[path: ["object", "reason"]] == "Expired")
  }
}
