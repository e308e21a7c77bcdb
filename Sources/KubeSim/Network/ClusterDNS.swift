import KubeModel

/// The names CoreDNS answers in a kubeadm cluster (`cluster.local`, `pods insecure`): a Service's
/// ClusterIP at `SERVICE.NS.svc.cluster.local`, a headless Service's ready pod addresses, a
/// StatefulSet pod at `HOSTNAME.SERVICE.NS.svc.cluster.local`, and `a-b-c-d.NS.pod.cluster.local`.
/// Anything else is NXDOMAIN (nothing outside the cluster is reachable).
public struct ClusterDNS {
  public static let domain = "cluster.local"

  var services: [JSON]
  var pods: [JSON]
  var namespaces: Set<String>

  public init(services: [JSON], pods: [JSON], namespaces: Set<String>) {
    self.services = services
    self.pods = pods
    self.namespaces = namespaces
  }

  /// The A records of `name` (without a trailing dot, any case); nil for NXDOMAIN.
  public func addresses(of name: String) -> [String]? {
    let labels = name.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let suffix = Self.domain.split(separator: ".").map(String.init)
    guard labels.count > suffix.count, Array(labels.suffix(suffix.count)) == suffix else { return nil }
    let inside = Array(labels.dropLast(suffix.count))
    switch (inside.last, inside.count) {
    case ("pod", 3) where namespaces.contains(inside[1]):
      let ip = inside[0].replacingOccurrences(of: "-", with: ".")
      return IPv4Block.address(ip) == nil ? nil : [ip]
    case ("svc", 3):
      guard let service = service(inside[0], namespace: inside[1]) else { return nil }
      return serviceAddresses(service)
    case ("svc", 4):
      guard let service = service(inside[1], namespace: inside[2]) else { return nil }
      let addresses = backends(service).filter { ServiceBackends.hostname(of: $0.pod, service: service) == inside[0] }
        .map(\.ip)
      return addresses.isEmpty ? nil : addresses
    default:
      return nil
    }
  }

  /// A ClusterIP service's address; a headless one's ready pods (none: NXDOMAIN, as CoreDNS says).
  private func serviceAddresses(_ service: JSON) -> [String]? {
    if let clusterIP = service[path: ["spec", "clusterIP"]]?.stringValue, clusterIP != "None", !clusterIP.isEmpty {
      return [clusterIP]
    }
    let ready = backends(service).filter(\.ready).map(\.ip)
    return ready.isEmpty ? nil : ready
  }

  private func backends(_ service: JSON) -> [ServiceBackends.Backend] {
    guard let selector = ServiceBackends.selector(of: service) else { return [] }
    let namespace = service[path: ["metadata", "namespace"]]?.stringValue
    return ServiceBackends(
      service: service, selector: selector,
      pods: pods.filter { $0[path: ["metadata", "namespace"]]?.stringValue == namespace }
    ).backends
  }

  private func service(_ name: String, namespace: String) -> JSON? {
    services.first {
      $0[path: ["metadata", "name"]]?.stringValue == name
        && $0[path: ["metadata", "namespace"]]?.stringValue == namespace
    }
  }
}
