import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing

/// /openapi/v3 as a real API server serves it: an index naming each served group-version's
/// document by its hash, and documents that hold the served kinds' schemas with descriptions
/// (what `kubectl explain` prints) and the PATCH operations kubectl's validation looks for.
@Suite struct OpenAPIV3Tests {
  @Test func indexListsEveryServedGroupVersionByHash() async throws {
    let server = try TestServer()
    let index = try #require(try await server.client.get("/openapi/v3").json)
    let paths = try #require(index["paths"]?.objectValue)
    var served = ["api/v1"]
    for group in server.cluster.catalog.groups where !group.group.isEmpty {
      served.append("apis/\(group.group)/\(group.version)")
    }
    #expect(Set(paths.keys) == Set(served))
    let apps = try #require(paths["apis/apps/v1"]?["serverRelativeURL"]?.stringValue)
    #expect(apps.hasPrefix("/openapi/v3/apis/apps/v1?hash="))
    #expect(apps.count == "/openapi/v3/apis/apps/v1?hash=".count + 128)
  }

  @Test func documentIsGzipForClientsThatTakeItAndJSONForOthers() async throws {
    let server = try TestServer()
    let url = try #require(
      try await server.client.get("/openapi/v3").json?["paths"]?["apis/apps/v1"]?["serverRelativeURL"]?.stringValue)
    let plain = try await curl(server, url, ["-D", "-"])
    #expect(plain.contains("Content-Type: application/json"))
    #expect(plain.contains("Cache-Control: public, immutable"))
    #expect(!plain.contains("Content-Encoding"))
    let compressed = try await curl(server, url, ["-D", "-", "-o", "/dev/null", "-H", "Accept-Encoding: gzip"])
    #expect(compressed.contains("Content-Encoding: gzip"))
    let decoded = try await curl(server, url, ["--compressed"])
    let document = try JSON(parsing: Data(decoded.utf8))
    #expect(document["openapi"] == "3.0.0")
    let strategy = try #require(document["components"]?["schemas"]?["io.k8s.api.apps.v1.DeploymentStrategy"])
    #expect(strategy["description"] == "DeploymentStrategy describes how to replace existing pods with new ones.")
    #expect(strategy["properties"]?["type"]?["enum"] == ["Recreate", "RollingUpdate"])
    // kubectl learns from the PATCH operation that the server validates fields itself.
    let patch = try #require(document["paths"]?["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]?["patch"])
    #expect(patch["x-kubernetes-group-version-kind"]?["kind"] == "Deployment")
    #expect(patch["parameters"]?.arrayValue?.contains { $0["name"] == "fieldValidation" } == true)
    await #expect(try JSON(parsing: Data(try curl(server, url, []).utf8)) == document)
  }

  @Test func unservedGroupVersionIsNotFound() async throws {
    let server = try TestServer()
    #expect(try await server.client.get("/openapi/v3/apis/storage.k8s.io/v1beta1").status == 404)
    #expect(try await server.client.get("/openapi/v3/apis/apps/v1").status == 200)
  }

  private func curl(_ server: TestServer, _ path: String, _ options: [String]) async throws -> String {
    let output = try await ProcessRunner.run("/usr/bin/curl", ["-sS"] + options + [server.client.baseURL + path])
    try #require(output.status == 0, "\(output.stderr)")
    return output.stdout
  }
}
