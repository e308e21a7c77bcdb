import KubeModel

/// The files the kubelet writes into every container: /etc/hosts with the pod's own address and
/// name, and /etc/resolv.conf pointing at cluster DNS (dnsPolicy ClusterFirst) with the pod's
/// search list, or as `dnsConfig` says under dnsPolicy None.
struct PodNetworkFiles {
  /// kube-dns's ClusterIP in a kubeadm cluster (clusterDNS in the kubelet's configuration).
  static let nameserver = "10.96.0.10"

  let pod: JSON

  var files: [String: String] { ["/etc/hosts": hosts, "/etc/resolv.conf": resolvConf] }

  var hosts: String {
    var text = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
    text += "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
    let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
    guard let ip = pod[path: ["status", "podIP"]]?.stringValue, !ip.isEmpty else { return text }
    let hostname = pod[path: ["spec", "hostname"]]?.stringValue ?? name
    if let subdomain = pod[path: ["spec", "subdomain"]]?.stringValue, !subdomain.isEmpty {
      let namespace = pod[path: ["metadata", "namespace"]]?.stringValue ?? "default"
      return text + "\(ip)\t\(hostname).\(subdomain).\(namespace).svc.\(ClusterDNS.domain)\t\(hostname)\n"
    }
    return text + "\(ip)\t\(hostname)\n"
  }

  var resolvConf: String {
    let namespace = pod[path: ["metadata", "namespace"]]?.stringValue ?? "default"
    let config = pod[path: ["spec", "dnsConfig"]]
    let policy = pod[path: ["spec", "dnsPolicy"]]?.stringValue ?? "ClusterFirst"
    var nameservers = policy == "None" ? [] : [Self.nameserver]
    var search = policy == "None" ? [] : ResolverSearch.searchList(namespace: namespace)
    var options = policy == "None" ? [] : ["ndots:5"]
    nameservers += (config?["nameservers"]?.arrayValue ?? []).compactMap(\.stringValue)
    search += (config?["searches"]?.arrayValue ?? []).compactMap(\.stringValue)
    for option in config?["options"]?.arrayValue ?? [] {
      guard let name = option["name"]?.stringValue else { continue }
      let value = option["value"]?.stringValue.map { ":" + $0 } ?? ""
      options.removeAll { $0.hasPrefix(name + ":") || $0 == name }
      options.append(name + value)
    }
    var text = search.isEmpty ? "" : "search \(search.joined(separator: " "))\n"
    text += nameservers.map { "nameserver \($0)\n" }.joined()
    return text + (options.isEmpty ? "" : "options \(options.joined(separator: " "))\n")
  }
}
