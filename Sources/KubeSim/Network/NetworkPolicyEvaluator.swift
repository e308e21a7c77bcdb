import KubeModel

/// Whether a NetworkPolicy set lets one endpoint reach another, as a CNI that enforces them
/// decides: a pod selected by no policy of a direction is open in it; once selected, only what one
/// of those policies' rules allows gets through. A connection needs both the source's egress and
/// the destination's ingress.
public enum NetworkPolicyEvaluator {
  /// One end of a connection: a pod (with its namespace's labels), or an address outside any pod.
  public struct Peer {
    public var pod: JSON?
    public var namespaceLabels: [String: String]
    public var ip: String

    public init(pod: JSON?, namespaceLabels: [String: String], ip: String) {
      self.pod = pod
      self.namespaceLabels = namespaceLabels
      self.ip = ip
    }

    var namespace: String? { pod?[path: ["metadata", "namespace"]]?.stringValue }
  }

  public enum Direction: String {
    case ingress = "Ingress"
    case egress = "Egress"
  }

  /// Whether `source` may open a connection to `destination` on `port`/`proto` under `policies`.
  public static func allows(
    from source: Peer, to destination: Peer, port: Int, proto: String = "TCP", policies: [JSON]
  ) -> Bool {
    allowsDirection(
      .egress, of: source, peer: destination, destination: destination, port: port, proto: proto, policies)
      && allowsDirection(
        .ingress, of: destination, peer: source, destination: destination, port: port, proto: proto, policies)
  }

  /// The policy types of `policy` as the API server defaults them: Ingress always, Egress when
  /// it has egress rules.
  public static func policyTypes(_ policy: JSON) -> [Direction] {
    if let types = policy[path: ["spec", "policyTypes"]]?.arrayValue, !types.isEmpty {
      return types.compactMap { $0.stringValue.flatMap(Direction.init(rawValue:)) }
    }
    let egress = policy[path: ["spec", "egress"]]?.arrayValue ?? []
    return egress.isEmpty ? [.ingress] : [.ingress, .egress]
  }

  /// `subject`'s side of the connection in `direction`: open unless a policy of its namespace
  /// selects it for that direction, then open only where a rule of one of those policies matches.
  private static func allowsDirection(
    _ direction: Direction, of subject: Peer, peer: Peer, destination: Peer, port: Int, proto: String,
    _ policies: [JSON]
  ) -> Bool {
    guard let pod = subject.pod, let namespace = subject.namespace else { return true }
    let selecting = policies.filter { policy in
      policy[path: ["metadata", "namespace"]]?.stringValue == namespace && policyTypes(policy).contains(direction)
        && ((try? LabelSelector(json: policy[path: ["spec", "podSelector"]] ?? [:]))?.matches(labels: pod.labelMap)
          ?? false)
    }
    guard !selecting.isEmpty else { return true }
    let field = direction == .ingress ? "ingress" : "egress"
    let peersField = direction == .ingress ? "from" : "to"
    return selecting.contains { policy in
      (policy[path: ["spec", field]]?.arrayValue ?? []).contains { rule in
        let peers = rule[peersField]?.arrayValue ?? []
        let ports = rule["ports"]?.arrayValue ?? []
        return (peers.isEmpty || peers.contains { matches($0, peer, policyNamespace: namespace) })
          && (ports.isEmpty || ports.contains { matches($0, port: port, proto: proto, on: destination) })
      }
    }
  }

  /// Whether a rule's peer (podSelector, namespaceSelector, both, or ipBlock) names `peer`.
  static func matches(_ rule: JSON, _ peer: Peer, policyNamespace: String) -> Bool {
    if let block = rule["ipBlock"] {
      guard let cidr = block["cidr"]?.stringValue, IPv4Block(cidr)?.contains(peer.ip) == true else { return false }
      let excepted = (block["except"]?.arrayValue ?? []).compactMap(\.stringValue)
      return !excepted.contains { IPv4Block($0)?.contains(peer.ip) == true }
    }
    guard let pod = peer.pod, let namespace = peer.namespace else { return false }
    let podSelector = rule["podSelector"]
    let namespaceSelector = rule["namespaceSelector"]
    if let namespaceSelector {
      guard (try? LabelSelector(json: namespaceSelector))?.matches(labels: peer.namespaceLabels) == true else {
        return false
      }
    } else if namespace != policyNamespace {
      return false
    }
    guard let podSelector else { return true }
    return (try? LabelSelector(json: podSelector))?.matches(labels: pod.labelMap) == true
  }

  /// Whether a rule's port entry covers `port`: a number (up to `endPort` when given) or a named
  /// port of the destination pod's containers, and the protocol (TCP when unset).
  static func matches(_ entry: JSON, port: Int, proto: String, on destination: Peer) -> Bool {
    guard (entry["protocol"]?.stringValue ?? "TCP") == proto else { return false }
    guard let wanted = entry["port"] else { return true }
    if let number = wanted.intValue {
      let end = entry["endPort"]?.intValue ?? number
      return port >= number && port <= end
    }
    guard let name = wanted.stringValue else { return false }
    let containerPorts = (destination.pod?[path: ["spec", "containers"]]?.arrayValue ?? []).flatMap {
      $0["ports"]?.arrayValue ?? []
    }
    return containerPorts.contains {
      $0["name"]?.stringValue == name && $0["containerPort"]?.intValue == port
        && ($0["protocol"]?.stringValue ?? "TCP") == proto
    }
  }
}
