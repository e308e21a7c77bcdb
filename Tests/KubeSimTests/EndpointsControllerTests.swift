import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The endpoints controller on a cluster without HTTP, synced by hand: which pods it lists, how
/// it resolves ports, and which services it leaves alone.
@Suite struct EndpointsControllerTests {
  let cluster = Cluster()

  func resource(_ groupVersion: String, _ plural: String) throws -> ServedResource {
    try #require(cluster.catalog.resource(groupVersion: groupVersion, plural: plural))
  }

  func makeNamespace() throws {
    _ = try cluster.create(try resource("v1", "namespaces"), namespace: nil, object: ["metadata": ["name": "default"]])
  }

  /// A pod with the label app=web and a container port named http, given an address and
  /// readiness as the kubelet would.
  func pod(_ name: String, ip: String, ready: Bool, containerPort: Int = 8080) throws {
    let pods = try resource("v1", "pods")
    _ = try cluster.create(
      pods, namespace: "default",
      object: [
        "metadata": ["name": .string(name), "labels": ["app": "web"]],
        "spec": [
          "nodeName": "controlplane",
          "containers": [
            ["name": "web", "image": "nginx", "ports": [["name": "http", "containerPort": .int(containerPort)]]]
          ],
        ],
      ])
    _ = cluster.store.update(cluster.key(pods, namespace: "default", name: name)) { current in
      var running = current
      running[path: ["status", "phase"]] = "Running"
      running[path: ["status", "podIP"]] = .string(ip)
      running[path: ["status", "conditions"]] = [["type": "Ready", "status": .string(ready ? "True" : "False")]]
      return running
    }
  }

  func service(_ name: String, selector: JSON?, targetPort: JSON) throws -> JSON {
    var spec: JSON = ["ports": [["name": "web", "port": 80, "targetPort": targetPort]]]
    if let selector { spec["selector"] = selector }
    return try cluster.create(
      try resource("v1", "services"), namespace: "default", object: ["metadata": ["name": .string(name)], "spec": spec]
    ).object
  }

  func slices(of service: String) throws -> [JSON] {
    cluster.list(try resource("discovery.k8s.io/v1", "endpointslices"), namespace: "default").items.filter {
      $0.labelMap["kubernetes.io/service-name"] == service
    }
  }

  @Test func readyAndNotReadyPodsAreListedApartWithTheNamedPortResolved() throws {
    try makeNamespace()
    try pod("web-a", ip: "10.244.0.10", ready: true)
    try pod("web-b", ip: "10.244.0.11", ready: false)
    let controller = EndpointsController(cluster: cluster)
    controller.sync(try service("web", selector: ["app": "web"], targetPort: "http"))

    let endpoints = try cluster.get(try resource("v1", "endpoints"), namespace: "default", name: "web")
    let subset = try #require(endpoints["subsets"]?.arrayValue?.first)
    #expect(endpoints["subsets"]?.arrayValue?.count == 1)
    #expect(subset["addresses"]?.arrayValue?.map { $0["ip"] } == ["10.244.0.10"])
    #expect(subset["notReadyAddresses"]?.arrayValue?.map { $0["ip"] } == ["10.244.0.11"])
    #expect(subset[path: ["addresses"]]?[0]?[path: ["targetRef", "name"]] == "web-a")
    #expect(subset[path: ["addresses"]]?[0]?["nodeName"] == "controlplane")
    #expect(subset["ports"] == [["name": "web", "port": 8080, "protocol": "TCP"]])

    let slice = try #require(try slices(of: "web").first)
    #expect(try slices(of: "web").count == 1)
    #expect(slice[path: ["metadata", "name"]]?.stringValue?.hasPrefix("web-") == true)
    #expect(slice.labelMap["endpointslice.kubernetes.io/managed-by"] == "endpointslice-controller.k8s.io")
    #expect(slice["addressType"] == "IPv4")
    let conditions = (slice["endpoints"]?.arrayValue ?? []).map {
      ($0["addresses"]?[0]?.stringValue ?? "", $0[path: ["conditions", "ready"]]?.boolValue ?? false)
    }
    #expect(conditions.map(\.0) == ["10.244.0.10", "10.244.0.11"])
    #expect(conditions.map(\.1) == [true, false])
    #expect(slice["ports"] == [["name": "web", "port": 8080, "protocol": "TCP"]])
    #expect(OwnerReferences.controllerUID(of: slice) != nil)
  }

  @Test func podsWhosePortsResolveDifferentlyGetASubsetAndASliceEach() throws {
    try makeNamespace()
    try pod("web-a", ip: "10.244.0.10", ready: true, containerPort: 8080)
    try pod("web-b", ip: "10.244.0.11", ready: true, containerPort: 9090)
    let controller = EndpointsController(cluster: cluster)
    controller.sync(try service("web", selector: ["app": "web"], targetPort: "http"))
    let endpoints = try cluster.get(try resource("v1", "endpoints"), namespace: "default", name: "web")
    let ports = (endpoints["subsets"]?.arrayValue ?? []).compactMap { $0[path: ["ports"]]?[0]?["port"]?.intValue }
    #expect(Set(ports) == [8080, 9090])
    #expect(try slices(of: "web").count == 2)
  }

  @Test func aSyncWithNothingChangedWritesNothingAndAnEmptyServiceKeepsAPlaceholder() throws {
    try makeNamespace()
    let controller = EndpointsController(cluster: cluster)
    let service = try service("web", selector: ["app": "web"], targetPort: 80)
    controller.sync(service)
    let endpoints = try cluster.get(try resource("v1", "endpoints"), namespace: "default", name: "web")
    #expect(endpoints["subsets"] == nil)
    let placeholder = try #require(try slices(of: "web").first)
    #expect(placeholder["endpoints"] == .null && placeholder["ports"] == .null)
    let version = cluster.store.resourceVersion
    controller.sync(service)
    #expect(cluster.store.resourceVersion == version)

    try pod("web-a", ip: "10.244.0.10", ready: true)
    controller.sync(service)
    #expect(try slices(of: "web").count == 1, "the placeholder is filled in, not joined by another")
    #expect(try slices(of: "web").first?[path: ["ports"]]?[0]?["port"] == 80)
  }

  @Test func aServiceWithoutSelectorIsLeftAloneAndADeletedOneTakesItsEndpointsAlong() throws {
    try makeNamespace()
    try pod("web-a", ip: "10.244.0.10", ready: true)
    let controller = EndpointsController(cluster: cluster)
    controller.sync(try service("manual", selector: nil, targetPort: 80))
    #expect(throws: APIError.self) {
      try cluster.get(try resource("v1", "endpoints"), namespace: "default", name: "manual")
    }
    #expect(try slices(of: "manual").isEmpty)

    let service = try service("web", selector: ["app": "web"], targetPort: 80)
    controller.sync(service)
    let services = try resource("v1", "services")
    let removed = try cluster.delete(services, namespace: "default", name: "web")
    controller.handle(
      StoreEvent(
        kind: .deleted, resource: "services", namespace: "default", object: removed, previous: service,
        resourceVersion: cluster.store.resourceVersion))
    #expect(throws: APIError.self) {
      try cluster.get(try resource("v1", "endpoints"), namespace: "default", name: "web")
    }
    #expect(try slices(of: "web").isEmpty, "the slice went with its owner")
  }
}
