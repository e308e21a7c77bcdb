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

  /// The Accept headers of client-go 1.27–1.29 and of 1.30 on.
  static let aggregatedAccepts = [
    "v2beta1": "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json",
    "v2": "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
      + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json",
  ]

  @Test(arguments: ["v2beta1", "v2"])
  func aggregatedWhenAskedFor(version: String) async throws {
    let server = try TestServer()
    let accept = try #require(Self.aggregatedAccepts[version])
    let groups = try await server.client.get("/apis", accept: accept)
    #expect(
      groups.headers["content-type"] == "application/json;g=apidiscovery.k8s.io;v=\(version);as=APIGroupDiscoveryList")
    let list = try #require(groups.json)
    #expect(list["kind"] == "APIGroupDiscoveryList")
    #expect(list["apiVersion"] == .string("apidiscovery.k8s.io/\(version)"))
    let apps = try #require(list["items"]?.arrayValue?.first { $0[path: ["metadata", "name"]] == "apps" })
    let v1 = try #require(apps["versions"]?.arrayValue?.first)
    #expect(v1["version"] == "v1")
    #expect(v1["freshness"] == "Current")
    let deployments = try #require(v1["resources"]?.arrayValue?.first { $0["resource"] == "deployments" })
    #expect(deployments["responseKind"] == ["group": "apps", "version": "v1", "kind": "Deployment"])
    #expect(deployments["scope"] == "Namespaced")
    #expect(deployments["shortNames"] == ["deploy"])
    let scale = try #require(deployments["subresources"]?.arrayValue?.first { $0["subresource"] == "scale" })
    #expect(scale["responseKind"] == ["group": "autoscaling", "version": "v1", "kind": "Scale"])

    let core = try #require(try await server.client.get("/api", accept: accept).json)
    let coreGroup = try #require(core["items"]?.arrayValue?.first)
    #expect(coreGroup[path: ["metadata", "name"]] == nil)
    let coreResources = coreGroup["versions"]?.arrayValue?.first?["resources"]?.arrayValue ?? []
    let namespaces = try #require(coreResources.first { $0["resource"] == "namespaces" })
    #expect(namespaces["scope"] == "Cluster")
    #expect(namespaces["responseKind"] == ["group": "", "version": "v1", "kind": "Namespace"])
  }

  /// A fresh kubectl reads every group in one answer: one connection where it opened fourteen.
  @Test(arguments: ["1.27", "1.33"])
  func kubectlDiscoversInOneRequest(version: String) async throws {
    let server = try TestServer()
    let kubeconfig = try temporaryFile(
      named: "kubeconfig",
      contents: """
        apiVersion: v1
        kind: Config
        clusters: [{name: s, cluster: {server: "http://127.0.0.1:\(server.server.port)"}}]
        contexts: [{name: s, context: {cluster: s, user: u}}]
        users: [{name: u, user: {}}]
        current-context: s
        """)
    let kubectl = try #require(Kubectl(version: version, kubeconfig: kubeconfig))
    let before = server.server.connections.count
    let resources = try await kubectl.run(["api-resources", "--api-group=apps", "-o", "name"])
    #expect(resources.status == 0)
    #expect(resources.stdout.split(separator: "\n").contains("deployments.apps"))
    #expect(server.server.connections.count - before == 1)
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
