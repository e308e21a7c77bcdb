import Foundation
import KubeModel
import KubeSim
import TestSupport
import Testing

/// The API server's REST behaviour over a real socket: metadata, conflicts, dry runs, pagination.
@Suite struct RESTSemanticsTests {
  let pods = "/api/v1/namespaces/default/pods"

  @Test func createStampsMetadataFromOneGlobalCounter() async throws {
    let server = try TestServer()
    let first = try await server.client.send("POST", pods, body: TestServer.pod("a"))
    let second = try await server.client.send("POST", pods, body: TestServer.pod("b"))
    #expect(first.status == 201)
    let a = try #require(first.json)
    let b = try #require(second.json)
    #expect(a[path: ["metadata", "uid"]]?.stringValue?.count == 36)
    #expect(a[path: ["metadata", "creationTimestamp"]]?.stringValue?.hasSuffix("Z") == true)
    let versionA = try #require(Int(a[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""))
    let versionB = try #require(Int(b[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""))
    #expect(versionB > versionA)
    #expect(a[path: ["status", "phase"]] == "Pending")
    #expect(a[path: ["spec", "containers"]]?[0]?["imagePullPolicy"] == "Always")
  }

  @Test func generateNameAddsFiveCharacters() async throws {
    let server = try TestServer()
    var pod = TestServer.pod("")
    pod[path: ["metadata", "name"]] = nil
    pod[path: ["metadata", "generateName"]] = "web-"
    let created = try await server.client.send("POST", pods, body: pod)
    let name = try #require(created.json?[path: ["metadata", "name"]]?.stringValue)
    #expect(name.hasPrefix("web-"))
    #expect(name.count == 9)
  }

  @Test func dryRunStoresNothing() async throws {
    let server = try TestServer()
    let created = try await server.client.send("POST", pods + "?dryRun=All", body: TestServer.pod("ghost"))
    #expect(created.status == 201)
    #expect(created.json?[path: ["metadata", "name"]] == "ghost")
    let lookup = try await server.client.get(pods + "/ghost")
    #expect(lookup.status == 404)
  }

  @Test func staleResourceVersionIsAConflict() async throws {
    let server = try TestServer()
    let created = try #require(try await server.client.send("POST", pods, body: TestServer.pod("web")).json)
    var first = created
    first[path: ["metadata", "labels"]] = ["v": "1"]
    let updated = try await server.client.send("PUT", pods + "/web", body: first)
    #expect(updated.status == 200)
    var stale = created
    stale[path: ["metadata", "labels"]] = ["v": "2"]
    let conflict = try await server.client.send("PUT", pods + "/web", body: stale)
    #expect(conflict.status == 409)
    #expect(conflict.json?["reason"] == "Conflict")
    #expect(
      conflict.json?["message"]
        == "Operation cannot be fulfilled on pods \"web\": the object has been modified; please apply your changes to the latest version and try again"
    )
  }

  @Test func missingNamespaceIsNamed() async throws {
    let server = try TestServer()
    let response = try await server.client.send("POST", "/api/v1/namespaces/nope/pods", body: TestServer.pod("x"))
    #expect(response.status == 404)
    #expect(response.json?["message"] == "namespaces \"nope\" not found")
  }

  @Test func paginationVisitsEveryItemOnce() async throws {
    let server = try TestServer()
    for index in 0..<7 { _ = try await server.client.send("POST", pods, body: TestServer.pod("p\(index)")) }
    var names: [String] = []
    var token = ""
    var pages = 0
    repeat {
      let page = try #require(
        try await server.client.get(pods + "?limit=3" + (token.isEmpty ? "" : "&continue=\(token)")).json)
      names += (page["items"]?.arrayValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue }
      token = page[path: ["metadata", "continue"]]?.stringValue ?? ""
      token = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
      pages += 1
    } while !token.isEmpty && pages < 10
    #expect(names == (0..<7).map { "p\($0)" })
    #expect(pages == 3)
  }

  @Test func deploymentSelectorMustMatchTemplate() async throws {
    let server = try TestServer()
    let deployment: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
      "spec": [
        "selector": ["matchLabels": ["app": "web"]],
        "template": [
          "metadata": ["labels": ["app": "webapp"]], "spec": ["containers": [["name": "nginx", "image": "nginx"]]],
        ],
      ],
    ]
    let response = try await server.client.send(
      "POST", "/apis/apps/v1/namespaces/default/deployments", body: deployment)
    #expect(response.status == 422)
    #expect(
      response.json?["message"]
        == "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"webapp\"}: `selector` does not match template `labels`"
    )
  }

  @Test func backgroundDeletionTakesDependentsAndOrphanKeepsThem() async throws {
    let server = try TestServer()
    let cluster = server.cluster
    let configMaps = cluster.catalog.resource(groupVersion: "v1", plural: "configmaps")!
    for policy in ["Background", "Orphan"] {
      let owner = try cluster.create(configMaps, namespace: "default", object: ["metadata": ["name": "owner"]]).object
      let reference: JSON = [
        "apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": owner[path: ["metadata", "uid"]]!,
      ]
      _ = try cluster.create(
        configMaps, namespace: "default", object: ["metadata": ["name": "dependent", "ownerReferences": [reference]]])
      let deleted = try await server.client.send(
        "DELETE", "/api/v1/namespaces/default/configmaps/owner", body: ["propagationPolicy": .string(policy)])
      #expect(deleted.status == 200)
      let dependent = try await server.client.get("/api/v1/namespaces/default/configmaps/dependent")
      if policy == "Background" {
        #expect(dependent.status == 404)
      } else {
        #expect(dependent.status == 200)
        #expect(dependent.json?[path: ["metadata", "ownerReferences"]] == nil)
      }
    }
  }

  /// `stringData` is write-only: stored base64-encoded under `data`, winning over the same key.
  @Test func secretStringDataIsStoredAsData() async throws {
    let server = try TestServer()
    let secret: JSON = [
      "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "db"],
      "data": ["user": "b2xk", "host": "ZGI="], "stringData": ["user": "orders"],
    ]
    let created = try await server.client.send("POST", "/api/v1/namespaces/default/secrets", body: secret)
    #expect(created.status == 201)
    let stored = try #require(try await server.client.get("/api/v1/namespaces/default/secrets/db").json)
    #expect(stored["data"] == ["user": "b3JkZXJz", "host": "ZGI="])
    #expect(stored["stringData"] == nil)
    #expect(stored["type"] == "Opaque")
  }
}
