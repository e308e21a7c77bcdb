import Foundation
import KubeModel

/// Services and what routes traffic to them: Endpoints, EndpointSlices, Ingresses, IngressClasses,
/// NetworkPolicies.
enum NetworkPrinters {
  static let services = TablePrinter(
    columns: [
      .name,
      .text("Type", "How the service is exposed: ClusterIP, NodePort, LoadBalancer, ExternalName."),
      .text("Cluster-IP", "The service's cluster IP."),
      .text("External-IP", "External addresses of the service."),
      .text("Port(s)", "Service ports, with node ports, and protocols."),
      .age,
      .text("Selector", "Labels of the pods behind the service.", wide: true),
    ]
  ) { service, now in
    let spec = service["spec"]
    let clusterIP = spec["clusterIPs"].items.first?.string ?? spec["clusterIP"].optionalString ?? "<none>"
    return [
      .string(service.name), .string(serviceType(service)), .string(clusterIP), .string(externalIP(service)),
      .string(ports(spec["ports"].items)), service.age(at: now),
      .string(LabelFormatting.labels(spec["selector"].stringMap)),
    ]
  }

  static let endpoints = TablePrinter(
    columns: [.name, .text("Endpoints", "Addresses and ports of the ready endpoints."), .age]
  ) { endpoints, now in
    [.string(endpoints.name), .string(endpointAddresses(endpoints["subsets"].items)), endpoints.age(at: now)]
  }

  static let endpointSlices = TablePrinter(
    columns: [
      .name,
      .text("AddressType", "Type of the addresses: IPv4, IPv6 or FQDN."),
      .text("Ports", "Ports of the slice."),
      .text("Endpoints", "Addresses of the slice's endpoints."),
      .age,
    ]
  ) { slice, now in
    let ports = slice["ports"].items.map { port in
      port["port"].optionalInt.map(String.init) ?? port["name"].optionalString ?? "*"
    }
    let addresses = slice["endpoints"].items.flatMap { $0["addresses"].items.map(\.string) }
    return [
      .string(slice.name), .string(slice["addressType"].string), .string(firstThree(ports)),
      .string(firstThree(addresses)), slice.age(at: now),
    ]
  }

  static let ingresses = TablePrinter(
    columns: [
      .name,
      .text("Class", "The IngressClass that handles this ingress."),
      .text("Hosts", "Hosts the rules match."),
      .text("Address", "Addresses of the load balancer."),
      .text("Ports", "Ports the ingress serves."),
      .age,
    ]
  ) { ingress, now in
    let spec = ingress["spec"]
    return [
      .string(ingress.name), .string(spec["ingressClassName"].optionalString ?? "<none>"),
      .string(hosts(spec["rules"].items)), .string(loadBalancerAddresses(ingress["status", "loadBalancer"])),
      .string(spec["tls"].count > 0 ? "80, 443" : "80"), ingress.age(at: now),
    ]
  }

  static let ingressClasses = TablePrinter(
    columns: [
      .name,
      .text("Controller", "The controller that implements the class."),
      .text("Parameters", "The resource holding the class's parameters."),
      .age,
    ]
  ) { ingressClass, now in
    let parameters = ingressClass["spec", "parameters"]
    var parametersText = "<none>"
    if parameters.isSet {
      parametersText = parameters["kind"].string
      if let group = parameters["apiGroup"].optionalString { parametersText += "." + group }
      parametersText += "/" + parameters["name"].string
    }
    return [
      .string(ingressClass.name), .string(ingressClass["spec", "controller"].string), .string(parametersText),
      ingressClass.age(at: now),
    ]
  }

  static let networkPolicies = TablePrinter(
    columns: [.name, .text("Pod-Selector", "Pods the policy applies to."), .age]
  ) { policy, now in
    [.string(policy.name), .string(LabelFormatting.selector(policy["spec", "podSelector"])), policy.age(at: now)]
  }

  // The API server defaults spec.type to ClusterIP.
  private static func serviceType(_ service: PrintedObject) -> String {
    service["spec", "type"].optionalString ?? "ClusterIP"
  }

  /// External IPs by type: `<none>` for internal services, `<pending>` for a load balancer without
  /// an address yet, the DNS name for ExternalName.
  private static func externalIP(_ service: PrintedObject) -> String {
    let externalIPs = service["spec", "externalIPs"].items.map(\.string)
    switch serviceType(service) {
    case "ClusterIP", "NodePort":
      return externalIPs.isEmpty ? "<none>" : externalIPs.joined(separator: ",")
    case "LoadBalancer":
      let balancer = loadBalancerAddresses(service["status", "loadBalancer"])
      let all = (balancer.isEmpty ? [] : [balancer]) + externalIPs
      return all.isEmpty ? "<pending>" : all.joined(separator: ",")
    case "ExternalName":
      return service["spec", "externalName"].string
    default:
      return "<unknown>"
    }
  }

  /// Distinct load-balancer IPs (or hostnames), sorted; the server prints wide, so nothing is clipped.
  private static func loadBalancerAddresses(_ status: PrintedObject) -> String {
    let addresses = status["ingress"].items.compactMap { entry -> String? in
      let ip = entry["ip"].string
      let hostname = entry["hostname"].string
      return !ip.isEmpty ? ip : (!hostname.isEmpty ? hostname : nil)
    }
    return Set(addresses).sorted().joined(separator: ",")
  }

  /// `80/TCP`, or `80:30080/TCP` with a node port; `<none>` without ports.
  private static func ports(_ ports: [PrintedObject]) -> String {
    let pieces = ports.map { port -> String in
      let proto = port["protocol"].optionalString ?? "TCP"
      let nodePort = port["nodePort"].int
      return nodePort > 0 ? "\(port["port"].int):\(nodePort)/\(proto)" : "\(port["port"].int)/\(proto)"
    }
    return pieces.isEmpty ? "<none>" : pieces.joined(separator: ",")
  }

  /// Up to three `ip:port` pairs of an Endpoints object, then `+ N more...`; `<none>` without subsets.
  private static func endpointAddresses(_ subsets: [PrintedObject]) -> String {
    guard !subsets.isEmpty else { return "<none>" }
    let limit = 3
    var list: [String] = []
    var total = 0
    for subset in subsets {
      let ips = subset["addresses"].items.map { $0["ip"].string }
      let ports = subset["ports"].items
      // Headless services may have no ports: list the bare addresses.
      let pairs = ports.isEmpty ? ips : ports.flatMap { port in ips.map { hostPort($0, port["port"].int) } }
      total += pairs.count
      list += pairs.prefix(limit - list.count)
    }
    let text = list.joined(separator: ",")
    return total > limit ? "\(text) + \(total - limit) more..." : text
  }

  private static func hostPort(_ host: String, _ port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// Up to three entries, then `+ N more...`; `<unset>` when there are none.
  private static func firstThree(_ entries: [String]) -> String {
    guard !entries.isEmpty else { return "<unset>" }
    let text = entries.prefix(3).joined(separator: ",")
    return entries.count > 3 ? "\(text) + \(entries.count - 3) more..." : text
  }

  /// Up to three rule hosts, then `+ N more...` counted over all rules; `*` when no rule names a host.
  private static func hosts(_ rules: [PrintedObject]) -> String {
    let limit = 3
    var list: [String] = []
    var more = false
    for rule in rules {
      if list.count == limit { more = true }
      let host = rule["host"].string
      if !more && !host.isEmpty { list.append(host) }
    }
    guard !list.isEmpty else { return "*" }
    let text = list.joined(separator: ",")
    return more ? "\(text) + \(rules.count - limit) more..." : text
  }
}
