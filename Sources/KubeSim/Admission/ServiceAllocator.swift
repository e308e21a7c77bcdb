import KubeModel

/// Hands out cluster IPs from 10.96.0.0/12 and node ports from 30000-32767, skipping those in use.
struct ServiceAllocator {
  let cluster: Cluster
  static let nodePortRange = 30000...32767

  private var services: [JSON] {
    guard let resource = cluster.catalog.resource(groupVersion: "v1", plural: "services") else { return [] }
    return cluster.list(resource, namespace: nil).items
  }

  func usedClusterIPs() -> Set<String> {
    Set(services.compactMap { $0[path: ["spec", "clusterIP"]]?.stringValue })
  }

  /// Node ports in use, with the service that holds each, so a service may keep its own.
  func usedNodePorts(excluding uid: String?) -> Set<Int> {
    var used = Set<Int>()
    for service in services where service[path: ["metadata", "uid"]]?.stringValue != uid {
      for port in service[path: ["spec", "ports"]]?.arrayValue ?? [] {
        if let nodePort = port["nodePort"]?.intValue { used.insert(nodePort) }
      }
    }
    return used
  }

  func nextClusterIP() -> String {
    let used = usedClusterIPs()
    // 10.96.0.0/12 minus the network address and the two addresses kubeadm reserves (.1 and .10).
    for _ in 0..<10_000 {
      let offset = Int.random(in: 11..<(1 << 20) - 1)
      let address = "10.\(96 + (offset >> 16)).\((offset >> 8) & 0xFF).\(offset & 0xFF)"
      if !used.contains(address) { return address }
    }
    return "10.96.255.254"
  }

  func nextNodePort(excluding uid: String?, alsoTaken: Set<Int>) -> Int? {
    let used = usedNodePorts(excluding: uid).union(alsoTaken)
    let free = Self.nodePortRange.filter { !used.contains($0) }
    return free.randomElement()
  }
}
