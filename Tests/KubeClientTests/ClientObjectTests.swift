import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

@Suite("Client: create, get, update, patch and delete, with typed API errors")
struct ClientObjectTests {
  @Test func createGetUpdateDelete() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let created = try await client.create(.testConfigMaps, configMap("settings", data: ["mode": "a"]))
    #expect(created[path: ["metadata", "uid"]]?.stringValue?.isEmpty == false)
    var fetched = try await client.get(.testConfigMaps, name: "settings")
    #expect(fetched["data"] == ["mode": "a"])
    fetched["data"] = ["mode": "b"]
    let updated = try await client.update(.testConfigMaps, fetched)
    #expect(updated["data"] == ["mode": "b"])
    #expect(updated[path: ["metadata", "resourceVersion"]] != created[path: ["metadata", "resourceVersion"]])
    try await client.delete(.testConfigMaps, name: "settings", options: .init(propagationPolicy: .background))
    let gone = await clientError { _ = try await client.get(.testConfigMaps, name: "settings") }
    #expect(gone?.status?.reason == "NotFound")
  }

  @Test func patchesInEveryFormat() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    _ = try await client.create(.testPods, podManifest("web", labels: ["app": "web"]))
    let merged = try await client.patch(
      .testPods, name: "web", .merge(["metadata": ["labels": ["tier": "front"]]]), fieldManager: "kubelab-test")
    #expect(merged[path: ["metadata", "labels"]] == ["app": "web", "tier": "front"])
    // A strategic patch merges the containers list by name: the other container survives.
    let deployments = ResourceRef(
      group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true)
    let deployment: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "shop"],
      "spec": [
        "selector": ["matchLabels": ["app": "shop"]],
        "template": [
          "metadata": ["labels": ["app": "shop"]],
          "spec": ["containers": [["name": "web", "image": "nginx"], ["name": "cache", "image": "redis"]]],
        ],
      ],
    ]
    _ = try await client.create(deployments, deployment)
    let strategic = try await client.patch(
      deployments, name: "shop",
      .strategic(["spec": ["template": ["spec": ["containers": [["name": "web", "image": "nginx:1.27"]]]]]]))
    let containers = strategic[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []
    #expect(containers.map { $0["name"] } == ["web", "cache"])
    #expect(containers.first?["image"] == "nginx:1.27")
    let patched = try await client.patch(
      .testPods, name: "web", .json([["op": "replace", "path": "/metadata/labels/app", "value": "api"]]))
    #expect(patched[path: ["metadata", "labels", "app"]] == "api")
  }

  @Test func serverSideApplyCreatesThenUpdates() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let first = try await client.patch(
      .testConfigMaps, name: "applied", namespace: "default",
      .apply(configMap("applied", data: ["a": "1"]), fieldManager: "kubelab"))
    #expect(first[path: ["data", "a"]] == "1")
    let second = try await client.patch(
      .testConfigMaps, name: "applied", namespace: "default",
      .apply(configMap("applied", data: ["a": "2", "b": "3"]), fieldManager: "kubelab"))
    #expect(second[path: ["data"]] == ["a": "2", "b": "3"])
    #expect(second[path: ["metadata", "uid"]] == first[path: ["metadata", "uid"]])
  }

  @Test func alreadyExistsNotFoundAndInvalidCarryTheirStatus() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    _ = try await client.create(.testConfigMaps, configMap("twice", data: [:]))
    let exists = await clientError { _ = try await client.create(.testConfigMaps, configMap("twice", data: [:])) }
    #expect(exists?.status?.reason == "AlreadyExists")
    #expect(exists?.status?.code == 409)
    #expect(exists?.status?.message == #"configmaps "twice" already exists"#)

    let missing = await clientError { _ = try await client.get(.testPods, name: "nope", namespace: "kube-system") }
    #expect(missing?.status?.reason == "NotFound")
    #expect(missing?.status?.details?.name == "nope")
    #expect(missing.map(String.init(describing:))?.contains(#"pods "nope" not found"#) == true)

    var invalid = podManifest("broken")
    invalid[path: ["spec", "containers"]] = [["name": "main"]]
    let rejected = await clientError { _ = try await client.create(.testPods, invalid) }
    #expect(rejected?.status?.reason == "Invalid")
    #expect(rejected?.status?.code == 422)
    #expect(rejected?.status?.details?.causes.contains { $0.field == "spec.containers[0].image" } == true)
  }

  @Test func objectsGoToTheEndpointsNamespaceUnlessTold() async throws {
    let sandbox = try ClientTestSandbox()
    var endpoint = sandbox.endpoint()
    endpoint.namespace = "kube-public"
    let client = try KubeClient(endpoint: endpoint)
    _ = try await client.create(.testConfigMaps, configMap("here", data: [:]))
    let fetched = try await client.get(.testConfigMaps, name: "here", namespace: "kube-public")
    #expect(fetched[path: ["metadata", "namespace"]] == "kube-public")
    let elsewhere = await clientError { _ = try await client.get(.testConfigMaps, name: "here", namespace: "default") }
    #expect(elsewhere?.status?.reason == "NotFound")
  }
}
