import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing

/// Discovery as kubectl 1.27.0 needs it: exact content type, trailing slashes, scale subresources.
@Suite struct DiscoveryTests {
  @Test(arguments: ["/api", "/api/", "/apis", "/apis/", "/api/v1", "/apis/apps/v1/", "/version"])
  func servedAsPlainJSON(path: String) async throws {
    let server = try TestServer()
    let response = try await server.client.get(path)
    #expect(response.status == 200)
    #expect(response.headers["content-type"] == "application/json")
    #expect(response.json != nil)
  }

  @Test func appsListsDeploymentScale() async throws {
    let server = try TestServer()
    let list = try #require(try await server.client.get("/apis/apps/v1").json)
    let resources = list["resources"]?.arrayValue ?? []
    let deployments = try #require(resources.first { $0["name"] == "deployments" })
    #expect(deployments["shortNames"] == ["deploy"])
    #expect(deployments["categories"] == ["all"])
    let scale = try #require(resources.first { $0["name"] == "deployments/scale" })
    #expect(scale["group"] == "autoscaling")
    #expect(scale["kind"] == "Scale")
    #expect(resources.allSatisfy { $0["singularName"] != nil })
  }

  @Test func openAPIV2IsAnEmptyDocument() async throws {
    let server = try TestServer()
    let response = try await server.client.get("/openapi/v2")
    #expect(response.status == 200)
    #expect(response.headers["content-type"] == "application/octet-stream")
    #expect(response.body.isEmpty)
  }

  @Test func unknownPathsAreNotFound() async throws {
    let server = try TestServer()
    #expect(try await server.client.get("/apis/nothing.example.com/v1/widgets").status == 404)
    #expect(try await server.client.get("/api/v1/widgets").status == 404)
  }
}
