import KubeModel

/// The endpoints controllers in one: for every Service with a selector, an Endpoints object of the
/// same name and EndpointSlices listing the addresses of the pods it selects (ready ones as ready,
/// the others as not ready) with the service's target ports resolved for each pod. Services
/// without a selector, such as `kubernetes`, keep the endpoints they were given.
final class EndpointsController: Controller {
  let cluster: Cluster
  let watchedResources = ["services", "pods", "endpoints", "endpointslices.discovery.k8s.io"]
  /// The annotation both kinds carry with the time of the change they last reflected.
  static let triggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time"
  static let headlessLabel = "service.kubernetes.io/headless"

  init(cluster: Cluster) {
    self.cluster = cluster
  }

  var servicesType: ServedResource? { cluster.catalog.resource(groupVersion: "v1", plural: "services") }
  var endpointsType: ServedResource? { cluster.catalog.resource(groupVersion: "v1", plural: "endpoints") }
  var slicesType: ServedResource? {
    cluster.catalog.resource(groupVersion: "discovery.k8s.io/v1", plural: "endpointslices")
  }

  func handle(_ event: StoreEvent) {
    guard let servicesType else { return }
    if event.resource == "services", event.kind == .deleted {
      removeEndpoints(of: event.object)
      return
    }
    for service in cluster.list(servicesType, namespace: event.namespace).items { sync(service) }
  }

  func sync(_ service: JSON) {
    guard service[path: ["metadata", "deletionTimestamp"]] == nil,
      let selector = ServiceBackends.selector(of: service),
      let namespace = service[path: ["metadata", "namespace"]]?.stringValue,
      let podsType = cluster.catalog.resource(groupVersion: "v1", plural: "pods")
    else { return }
    let backends = ServiceBackends(
      service: service, selector: selector, pods: cluster.list(podsType, namespace: namespace).items)
    writeEndpoints(service, backends)
    writeSlices(service, backends)
  }

  /// The labels both kinds copy from their service, with the headless marker when it has no
  /// cluster IP.
  static func labels(of service: JSON) -> JSONObject {
    var labels = service[path: ["metadata", "labels"]]?.objectValue ?? [:]
    if service[path: ["spec", "clusterIP"]]?.stringValue == "None" { labels[headlessLabel] = "" }
    return labels
  }

  /// One subset per set of resolved ports, ready pods under `addresses` and the others under
  /// `notReadyAddresses`.
  static func subsets(_ backends: ServiceBackends) -> [JSON] {
    backends.groupedByPorts.map { group in
      func address(_ backend: ServiceBackends.Backend) -> JSON {
        var entry: JSONObject = ["ip": .string(backend.ip)]
        if let hostname = backend.hostname { entry["hostname"] = .string(hostname) }
        if let node = backend.pod[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty {
          entry["nodeName"] = .string(node)
        }
        entry["targetRef"] = ServiceBackends.targetRef(backend.pod)
        return .object(entry)
      }
      var subset: JSONObject = [:]
      let ready = group.backends.filter(\.ready).map(address)
      let notReady = group.backends.filter { !$0.ready }.map(address)
      if !ready.isEmpty { subset["addresses"] = .array(ready) }
      if !notReady.isEmpty { subset["notReadyAddresses"] = .array(notReady) }
      let ports = group.ports.map { port -> JSON in
        var entry: JSONObject = [:]
        if !port.name.isEmpty { entry["name"] = .string(port.name) }
        entry["port"] = .int(port.port)
        entry["protocol"] = .string(port.proto)
        if let appProtocol = port.appProtocol { entry["appProtocol"] = .string(appProtocol) }
        return .object(entry)
      }
      if !ports.isEmpty { subset["ports"] = .array(ports) }
      return .object(subset)
    }
  }

  private func writeEndpoints(_ service: JSON, _ backends: ServiceBackends) {
    guard let endpointsType, let name = service[path: ["metadata", "name"]]?.stringValue,
      let namespace = service[path: ["metadata", "namespace"]]?.stringValue
    else { return }
    let subsets = Self.subsets(backends)
    let labels = Self.labels(of: service)
    let stamp = JSON.string(APITimestamp.string(cluster.now()))
    let key = cluster.key(endpointsType, namespace: namespace, name: name)
    guard let current = cluster.store.get(key) else {
      var metadata: JSONObject = ["name": .string(name), "namespace": .string(namespace)]
      if !labels.isEmpty { metadata["labels"] = .object(labels) }
      metadata["annotations"] = [Self.triggerTimeAnnotation: stamp]
      var endpoints: JSON = ["apiVersion": "v1", "kind": "Endpoints", "metadata": .object(metadata)]
      if !subsets.isEmpty { endpoints["subsets"] = .array(subsets) }
      _ = try? cluster.create(endpointsType, namespace: namespace, object: endpoints)
      return
    }
    let sameSubsets = Self.unordered(current["subsets"] ?? .array([])) == Self.unordered(.array(subsets))
    let sameLabels = Self.unordered(current[path: ["metadata", "labels"]] ?? [:]) == Self.unordered(.object(labels))
    guard !sameSubsets || !sameLabels else { return }
    _ = cluster.store.update(key) { current in
      var next = current
      next["subsets"] = subsets.isEmpty ? nil : .array(subsets)
      next[path: ["metadata", "labels"]] = labels.isEmpty ? nil : .object(labels)
      if !sameSubsets { next[path: ["metadata", "annotations", Self.triggerTimeAnnotation]] = stamp }
      return next
    }
  }

  /// A deleted service takes its Endpoints along (its slices go by their owner reference).
  private func removeEndpoints(of service: JSON) {
    guard let endpointsType, ServiceBackends.selector(of: service) != nil,
      let name = service[path: ["metadata", "name"]]?.stringValue
    else { return }
    _ = try? cluster.delete(
      endpointsType, namespace: service[path: ["metadata", "namespace"]]?.stringValue, name: name)
  }

  /// The value with every array and object sorted, for comparing lists whose order carries no meaning.
  static func unordered(_ value: JSON) -> JSON {
    switch value {
    case .array(let items):
      return .array(items.map(unordered).sorted { $0.serialized() < $1.serialized() })
    case .object(let members):
      var sorted = JSONObject()
      for key in members.keys.sorted() { sorted[key] = members[key].map(unordered) }
      return .object(sorted)
    default:
      return value
    }
  }
}
