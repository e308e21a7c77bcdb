import KubeModel

extension EndpointsController {
  static let serviceNameLabel = "kubernetes.io/service-name"
  static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
  static let managedBy = "endpointslice-controller.k8s.io"

  /// What one EndpointSlice lists: its address type, endpoints and ports. A service with no
  /// backends keeps one empty placeholder slice, as the real controller does.
  static func sliceBodies(_ backends: ServiceBackends) -> [JSONObject] {
    let groups = backends.groupedByPorts
    guard !groups.isEmpty else { return [["addressType": "IPv4", "endpoints": nil, "ports": nil]] }
    return groups.map { group in
      let endpoints = group.backends.map { backend -> JSON in
        var entry: JSONObject = [
          "addresses": [.string(backend.ip)],
          "conditions": ["ready": .bool(backend.ready), "serving": .bool(backend.ready), "terminating": false],
        ]
        if let hostname = backend.hostname { entry["hostname"] = .string(hostname) }
        if let node = backend.pod[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty {
          entry["nodeName"] = .string(node)
        }
        entry["targetRef"] = ServiceBackends.targetRef(backend.pod)
        return .object(entry)
      }
      let ports = group.ports.map { port -> JSON in
        var entry: JSONObject = ["name": .string(port.name), "port": .int(port.port), "protocol": .string(port.proto)]
        if let appProtocol = port.appProtocol { entry["appProtocol"] = .string(appProtocol) }
        return .object(entry)
      }
      let addressType = group.backends.first?.ip.contains(":") == true ? "IPv6" : "IPv4"
      return ["addressType": .string(addressType), "endpoints": .array(endpoints), "ports": .array(ports)]
    }
  }

  /// Keeps the service's managed slices in line with its backends: a slice with the same ports is
  /// updated in place, missing ones are created as `<service>-<suffix>`, and surplus ones deleted.
  func writeSlices(_ service: JSON, _ backends: ServiceBackends) {
    guard let slicesType, let name = service[path: ["metadata", "name"]]?.stringValue,
      let namespace = service[path: ["metadata", "namespace"]]?.stringValue
    else { return }
    var unused = cluster.list(slicesType, namespace: namespace).items.filter {
      let labels = $0.labelMap
      return labels[Self.serviceNameLabel] == name && labels[Self.managedByLabel] == Self.managedBy
        && $0[path: ["metadata", "deletionTimestamp"]] == nil
    }
    var labels = Self.labels(of: service)
    labels[Self.serviceNameLabel] = .string(name)
    labels[Self.managedByLabel] = .string(Self.managedBy)
    for body in Self.sliceBodies(backends) {
      let samePorts = unused.firstIndex {
        Self.unordered($0["ports"] ?? .null) == Self.unordered(body["ports"] ?? .null)
      }
      if let index = samePorts ?? unused.indices.first {
        update(unused.remove(at: index), to: body, labels: labels, slicesType)
      } else {
        create(body, for: service, labels: labels, slicesType)
      }
    }
    for surplus in unused {
      guard let sliceName = surplus[path: ["metadata", "name"]]?.stringValue else { continue }
      _ = try? cluster.delete(slicesType, namespace: namespace, name: sliceName)
    }
  }

  private func create(_ body: JSONObject, for service: JSON, labels: JSONObject, _ slicesType: ServedResource) {
    let name = service[path: ["metadata", "name"]]?.stringValue ?? ""
    var slice: JSONObject = [
      "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
      "metadata": [
        "generateName": .string(name + "-"), "labels": .object(labels),
        "annotations": [Self.triggerTimeAnnotation: .string(APITimestamp.string(cluster.now()))],
        "ownerReferences": [OwnerReferences.controllerReference(to: service)],
      ],
    ]
    for (key, value) in body { slice[key] = value }
    _ = try? cluster.create(
      slicesType, namespace: service[path: ["metadata", "namespace"]]?.stringValue, object: .object(slice))
  }

  private func update(_ slice: JSON, to body: JSONObject, labels: JSONObject, _ slicesType: ServedResource) {
    guard let name = slice[path: ["metadata", "name"]]?.stringValue else { return }
    let sameBody = body.allSatisfy { key, value in Self.unordered(slice[key] ?? .null) == Self.unordered(value) }
    let sameLabels = Self.unordered(slice[path: ["metadata", "labels"]] ?? [:]) == Self.unordered(.object(labels))
    guard !sameBody || !sameLabels else { return }
    let key = cluster.key(slicesType, namespace: slice[path: ["metadata", "namespace"]]?.stringValue, name: name)
    _ = cluster.store.update(key) { current in
      var next = current
      for (field, value) in body { next[field] = value }
      next[path: ["metadata", "labels"]] = .object(labels)
      if !sameBody {
        next[path: ["metadata", "annotations", Self.triggerTimeAnnotation]] = .string(
          APITimestamp.string(cluster.now()))
      }
      return next
    }
  }
}
