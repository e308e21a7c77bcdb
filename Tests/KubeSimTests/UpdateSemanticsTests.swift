import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing

/// What updates do to objects: generations, the scale subresource, unknown fields, immutable pods.
@Suite struct UpdateSemanticsTests {
  let deployments = "/apis/apps/v1/namespaces/default/deployments"

  static let deployment: JSON = [
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
    "spec": [
      "replicas": 1, "selector": ["matchLabels": ["app": "web"]],
      "template": [
        "metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
      ],
    ],
  ]

  @Test func generationCountsSpecChangesOnly() async throws {
    let server = try TestServer()
    let created = try #require(try await server.client.send("POST", deployments, body: Self.deployment).json)
    #expect(created[path: ["metadata", "generation"]] == 1)
    let labelled = try #require(
      try await server.client.send(
        "PATCH", deployments + "/web", body: ["metadata": ["labels": ["team": "a"]]],
        contentType: "application/merge-patch+json"
      ).json)
    #expect(labelled[path: ["metadata", "generation"]] == 1)
    let patch: JSON = ["spec": ["template": ["spec": ["containers": [["name": "nginx", "image": "nginx:1.27"]]]]]]
    let changed = try #require(
      try await server.client.send(
        "PATCH", deployments + "/web", body: patch, contentType: "application/strategic-merge-patch+json"
      ).json)
    #expect(changed[path: ["metadata", "generation"]] == 2)
  }

  @Test func scaleSubresourceReadsAndWritesReplicas() async throws {
    let server = try TestServer()
    _ = try await server.client.send("POST", deployments, body: Self.deployment)
    let scale = try #require(try await server.client.get(deployments + "/web/scale").json)
    #expect(scale["kind"] == "Scale")
    #expect(scale["apiVersion"] == "autoscaling/v1")
    #expect(scale[path: ["spec", "replicas"]] == 1)
    #expect(scale[path: ["status", "selector"]] == "app=web")
    let patched = try await server.client.send(
      "PATCH", deployments + "/web/scale", body: ["spec": ["replicas": 4]], contentType: "application/merge-patch+json")
    #expect(patched.json?[path: ["spec", "replicas"]] == 4)
    let stored = try #require(try await server.client.get(deployments + "/web").json)
    #expect(stored[path: ["spec", "replicas"]] == 4)
  }

  @Test func unknownFieldsWarnByDefaultAndAreDropped() async throws {
    let server = try TestServer()
    var pod = TestServer.pod("web")
    pod[path: ["spec", "containers"]] = [["name": "app", "image": "nginx", "imagee": "typo"]]
    let created = try await server.client.send("POST", "/api/v1/namespaces/default/pods", body: pod)
    #expect(created.status == 201)
    #expect(created.headers["warning"] == "299 - \"unknown field \\\"spec.containers[0].imagee\\\"\"")
    #expect(created.json?[path: ["spec", "containers"]]?[0]?["imagee"] == nil)
  }

  @Test func runningPodSpecIsImmutableButItsImageIsNot() async throws {
    let server = try TestServer()
    let pods = "/api/v1/namespaces/default/pods"
    _ = try await server.client.send("POST", pods, body: TestServer.pod("web"))
    let image = try await server.client.send(
      "PATCH", pods + "/web", body: ["spec": ["containers": [["name": "app", "image": "nginx:1.27"]]]],
      contentType: "application/strategic-merge-patch+json")
    #expect(image.status == 200)
    let restart = try await server.client.send(
      "PATCH", pods + "/web", body: ["spec": ["restartPolicy": "Never"]], contentType: "application/merge-patch+json")
    #expect(restart.status == 422)
    #expect(
      restart.json?["message"]?.stringValue?.hasPrefix(
        "Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than") == true)
  }

  @Test func deleteCollectionHonoursTheSelector() async throws {
    let server = try TestServer()
    let pods = "/api/v1/namespaces/default/pods"
    _ = try await server.client.send("POST", pods, body: TestServer.pod("a", labels: ["tier": "web"]))
    _ = try await server.client.send("POST", pods, body: TestServer.pod("b", labels: ["tier": "db"]))
    let deleted = try await server.client.send("DELETE", pods + "?labelSelector=tier%3Dweb")
    #expect(deleted.json?["items"]?.arrayValue?.count == 1)
    let left = try #require(try await server.client.get(pods).json)
    #expect(left["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["b"])
  }
}
