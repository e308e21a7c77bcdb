import KubeModel

/// The pods behind a Service as the endpoint controllers see them: every pod its selector matches
/// that has an address and is not finished or being deleted, with the service ports resolved
/// against the pod's containers.
struct ServiceBackends {
  struct Backend {
    var pod: JSON
    var ip: String
    var hostname: String?
    var ready: Bool
    /// The service ports with `targetPort` resolved for this pod: name (empty when the service
    /// port has none), number, protocol and appProtocol.
    var ports: [ResolvedPort]
  }

  struct ResolvedPort: Hashable {
    var name: String
    var port: Int
    var proto: String
    var appProtocol: String?
  }

  var backends: [Backend]

  /// The selector of a Service, or nil when it has none: such services are left to whoever
  /// manages their endpoints by hand.
  static func selector(of service: JSON) -> [String: String]? {
    guard let map = service[path: ["spec", "selector"]]?.objectValue, !map.isEmpty else { return nil }
    var labels: [String: String] = [:]
    for (key, value) in map { labels[key] = value.stringValue ?? "" }
    return labels
  }

  /// The backends among `pods`, ordered by address so repeated syncs write the same object.
  init(service: JSON, selector: [String: String], pods: [JSON]) {
    let servicePorts = service[path: ["spec", "ports"]]?.arrayValue ?? []
    backends = pods.compactMap { pod -> Backend? in
      guard pod.labelMap.matches(selector), PodReadiness.isActive(pod),
        let ip = pod[path: ["status", "podIP"]]?.stringValue, !ip.isEmpty
      else { return nil }
      let ports = servicePorts.compactMap { Self.resolve($0, in: pod) }
      // A pod none of whose ports resolve cannot serve a service that has ports.
      guard ports.count > 0 || servicePorts.isEmpty else { return nil }
      return Backend(
        pod: pod, ip: ip, hostname: Self.hostname(of: pod, service: service), ready: PodReadiness.isReady(pod),
        ports: ports)
    }.sorted { $0.ip < $1.ip }
  }

  /// A numeric targetPort is used as it is; a named one is the container port of that name and
  /// protocol, and a pod without one is not a backend for that port.
  static func resolve(_ servicePort: JSON, in pod: JSON) -> ResolvedPort? {
    let proto = servicePort["protocol"]?.stringValue ?? "TCP"
    let target = servicePort["targetPort"] ?? servicePort["port"]
    var number = target?.intValue
    if let name = target?.stringValue {
      let containerPorts = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).flatMap {
        $0["ports"]?.arrayValue ?? []
      }
      number =
        containerPorts.first {
          $0["name"]?.stringValue == name && ($0["protocol"]?.stringValue ?? "TCP") == proto
        }?["containerPort"]?.intValue
    }
    guard let number else { return nil }
    return ResolvedPort(
      name: servicePort["name"]?.stringValue ?? "", port: number, proto: proto,
      appProtocol: servicePort["appProtocol"]?.stringValue)
  }

  /// The pod's hostname when it asks for a DNS name under this service (a StatefulSet pod whose
  /// `subdomain` is the service), which both endpoint kinds publish.
  static func hostname(of pod: JSON, service: JSON) -> String? {
    guard let hostname = pod[path: ["spec", "hostname"]]?.stringValue, !hostname.isEmpty,
      pod[path: ["spec", "subdomain"]] == service[path: ["metadata", "name"]]
    else { return nil }
    return hostname
  }

  /// What an endpoint's targetRef says about its pod.
  static func targetRef(_ pod: JSON) -> JSON {
    [
      "kind": "Pod", "namespace": pod[path: ["metadata", "namespace"]] ?? "",
      "name": pod[path: ["metadata", "name"]] ?? "", "uid": pod[path: ["metadata", "uid"]] ?? "",
    ]
  }

  /// The backends grouped by their resolved ports, groups in order of first appearance: each group
  /// becomes one Endpoints subset and one EndpointSlice.
  var groupedByPorts: [(ports: [ResolvedPort], backends: [Backend])] {
    var groups: [(ports: [ResolvedPort], backends: [Backend])] = []
    for backend in backends {
      if let index = groups.firstIndex(where: { $0.ports == backend.ports }) {
        groups[index].backends.append(backend)
      } else {
        groups.append((backend.ports, [backend]))
      }
    }
    return groups
  }
}

extension Dictionary where Key == String, Value == String {
  /// Whether these labels carry every pair of a plain label-map selector.
  func matches(_ selector: [String: String]) -> Bool {
    selector.allSatisfy { self[$0.key] == $0.value }
  }
}
