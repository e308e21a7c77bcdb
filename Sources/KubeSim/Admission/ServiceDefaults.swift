import KubeModel

/// Service defaults (type, protocols, target ports, IP families) and the allocation of cluster IPs
/// and node ports, with the real range checks.
enum ServiceDefaults {
  static func apply(to object: inout JSON, allocator: ServiceAllocator) {
    var spec = object["spec"] ?? [:]
    let set = PodDefaults.setIfMissing
    set(&spec, "type", "ClusterIP")
    let type = spec["type"]?.stringValue ?? "ClusterIP"
    let uid = object[path: ["metadata", "uid"]]?.stringValue
    var takenHere = Set<Int>()
    let needsNodePort = type == "NodePort" || type == "LoadBalancer"
    if let ports = spec["ports"]?.arrayValue {
      spec["ports"] = .array(
        ports.map { port in
          var port = port
          set(&port, "protocol", "TCP")
          if type != "ExternalName", let number = port["port"] { set(&port, "targetPort", number) }
          if needsNodePort, port["nodePort"] == nil,
            let nodePort = allocator.nextNodePort(excluding: uid, alsoTaken: takenHere)
          {
            port["nodePort"] = .int(nodePort)
          }
          if let nodePort = port["nodePort"]?.intValue { takenHere.insert(nodePort) }
          return port
        })
    }
    if type != "ExternalName" {
      if spec["clusterIP"] == nil || spec["clusterIP"]?.stringValue == "" {
        spec["clusterIP"] = .string(allocator.nextClusterIP())
      }
      set(&spec, "clusterIPs", [spec["clusterIP"]!])
      set(&spec, "ipFamilies", ["IPv4"])
      set(&spec, "ipFamilyPolicy", "SingleStack")
      set(&spec, "internalTrafficPolicy", "Cluster")
    }
    set(&spec, "sessionAffinity", "None")
    if needsNodePort { set(&spec, "externalTrafficPolicy", "Cluster") }
    if type == "LoadBalancer" { set(&spec, "allocateLoadBalancerNodePorts", true) }
    object["spec"] = spec
    if object[path: ["status", "loadBalancer"]] == nil { object[path: ["status", "loadBalancer"]] = [:] }
  }

  static func validationCauses(_ service: JSON) -> [FieldError] {
    var causes: [FieldError] = []
    let type = service[path: ["spec", "type"]]?.stringValue ?? "ClusterIP"
    let ports = service[path: ["spec", "ports"]]?.arrayValue ?? []
    if ports.isEmpty && type != "ExternalName" && service[path: ["spec", "clusterIP"]]?.stringValue != "None" {
      causes.append(.required("spec.ports"))
    }
    for (index, port) in ports.enumerated() {
      if let number = port["port"]?.intValue, !(1...65535).contains(number) {
        causes.append(.invalid("spec.ports[\(index)].port", .int(number), "must be between 1 and 65535, inclusive"))
      }
      if let nodePort = port["nodePort"]?.intValue, !ServiceAllocator.nodePortRange.contains(nodePort) {
        causes.append(
          .invalid(
            "spec.ports[\(index)].nodePort", .int(nodePort),
            "provided port is not in the valid range. The range of valid ports is 30000-32767"))
      }
    }
    return causes
  }
}
