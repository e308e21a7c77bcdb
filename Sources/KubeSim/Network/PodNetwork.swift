import Foundation
import KubeModel

/// The cluster's network as a pod's commands see it: names resolved by cluster DNS, Services
/// mapped through their ports to a ready endpoint, NetworkPolicies applied to the source's egress
/// (DNS included) and the destination's ingress. It decides; the pod network server carries out.
final class PodNetwork: Sendable {
  /// What becomes of one request.
  enum Decision {
    case reply(PodNetworkReply)
    /// Nothing answers: the reply comes once the request's timeout has passed.
    case replyAfterTimeout(PodNetworkReply)
    /// Reach `port` of `pod` (at `address`, as the client asked for it).
    case connect(address: String, pod: JSON, port: Int)
  }

  /// The port and protocol DNS queries use.
  static let dnsPort = 53

  let cluster: Cluster

  init(cluster: Cluster) {
    self.cluster = cluster
  }

  /// What happens to `request` from the pod with uid `podUID`.
  func decide(_ request: PodNetworkRequest, fromPod podUID: String) -> Decision {
    let view = ClusterView(cluster.store)
    guard let source = view.pods.first(where: { $0[path: ["metadata", "uid"]]?.stringValue == podUID }) else {
      return .replyAfterTimeout(PodNetworkReply(outcome: .timedOut))
    }
    let from = view.peer(source)
    let address: String
    if request.kind == .lookup || IPv4Block.address(request.host) == nil {
      // The resolver's queries are packets to the nameserver too, under the pod's egress rules.
      let dnsServers = view.destinations(of: request.nameserver, port: Self.dnsPort, proto: "UDP")
      guard
        case .pods(let servers) = dnsServers,
        servers.contains(where: { view.allows(from, to: $0.pod, port: $0.port, proto: "UDP") })
      else { return .replyAfterTimeout(PodNetworkReply(outcome: .dnsTimedOut)) }
      let dns = ClusterDNS(services: view.services, pods: view.pods, namespaces: view.namespaceNames)
      let records = ResolverSearch.candidates(request.host, search: request.search, ndots: request.ndots).map {
        PodNetworkReply.Record(name: $0, addresses: dns.addresses(of: $0))
      }
      if request.kind == .lookup { return .reply(PodNetworkReply(outcome: .answered, records: records)) }
      guard let found = records.lazy.compactMap(\.addresses).first?.first else {
        return .reply(PodNetworkReply(outcome: .unresolved))
      }
      address = found
    } else {
      address = request.host
    }
    switch view.destinations(of: address, port: request.port, proto: "TCP") {
    case .nowhere:
      return .replyAfterTimeout(PodNetworkReply(outcome: .timedOut, address: address))
    case .pods(let backends):
      guard !backends.isEmpty else { return .reply(PodNetworkReply(outcome: .refused, address: address)) }
      // kube-proxy picks an endpoint at random; a policy judges the pod it picked.
      let chosen = backends.randomElement()!
      guard view.allows(from, to: chosen.pod, port: chosen.port, proto: "TCP") else {
        return .replyAfterTimeout(PodNetworkReply(outcome: .timedOut, address: address))
      }
      return .connect(address: address, pod: chosen.pod, port: chosen.port)
    }
  }
}

/// One reading of the objects the network depends on.
struct ClusterView {
  /// Where packets to an address and port end up: the pods behind it (a Service's ready
  /// endpoints, none when it has none: kube-proxy rejects), or nowhere (dropped).
  enum Destinations {
    case pods([(pod: JSON, port: Int)])
    case nowhere
  }

  let pods: [JSON]
  let services: [JSON]
  let namespaces: [JSON]
  let policies: [JSON]

  init(_ store: ObjectStore) {
    pods = store.list(resource: "pods", namespace: nil).items.filter(PodReadiness.isActive)
    services = store.list(resource: "services", namespace: nil).items
    namespaces = store.list(resource: "namespaces", namespace: nil).items
    policies = store.list(resource: "networkpolicies.networking.k8s.io", namespace: nil).items
  }

  var namespaceNames: Set<String> { Set(namespaces.compactMap { $0[path: ["metadata", "name"]]?.stringValue }) }

  func peer(_ pod: JSON) -> NetworkPolicyEvaluator.Peer {
    let namespace = pod[path: ["metadata", "namespace"]]?.stringValue
    let labels = namespaces.first { $0[path: ["metadata", "name"]]?.stringValue == namespace }?.labelMap ?? [:]
    return NetworkPolicyEvaluator.Peer(
      pod: pod, namespaceLabels: labels, ip: pod[path: ["status", "podIP"]]?.stringValue ?? "")
  }

  func allows(_ source: NetworkPolicyEvaluator.Peer, to pod: JSON, port: Int, proto: String) -> Bool {
    NetworkPolicyEvaluator.allows(from: source, to: peer(pod), port: port, proto: proto, policies: policies)
  }

  func destinations(of address: String, port: Int, proto: String) -> Destinations {
    if let service = services.first(where: { Self.clusterIPs($0).contains(address) }) {
      guard
        let servicePort = (service[path: ["spec", "ports"]]?.arrayValue ?? []).first(where: {
          $0["port"]?.intValue == port && ($0["protocol"]?.stringValue ?? "TCP") == proto
        })
      else { return .nowhere }
      guard let selector = ServiceBackends.selector(of: service) else { return .pods([]) }
      let namespace = service[path: ["metadata", "namespace"]]?.stringValue
      let backends = ServiceBackends(
        service: service, selector: selector,
        pods: pods.filter { $0[path: ["metadata", "namespace"]]?.stringValue == namespace }
      ).backends.filter(\.ready)
      return .pods(
        backends.compactMap { backend in
          ServiceBackends.resolve(servicePort, in: backend.pod).map { (backend.pod, $0.port) }
        })
    }
    // Host-network pods share their node's address: those are not reached as pods here.
    let pod = pods.first {
      $0[path: ["status", "podIP"]]?.stringValue == address && $0[path: ["spec", "hostNetwork"]]?.boolValue != true
    }
    return pod.map { .pods([($0, port)]) } ?? .nowhere
  }

  private static func clusterIPs(_ service: JSON) -> [String] {
    let ips = (service[path: ["spec", "clusterIPs"]]?.arrayValue ?? []).compactMap(\.stringValue)
    return ips + [service[path: ["spec", "clusterIP"]]?.stringValue].compactMap { $0 }.filter { $0 != "None" }
  }
}
