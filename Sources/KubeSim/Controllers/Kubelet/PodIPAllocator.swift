import KubeModel

/// Pod addresses from a node's podCIDR: the lowest address no other pod on the node holds,
/// skipping the network address and the gateway (.1) as the CNI does.
enum PodIPAllocator {
  static func allocate(node: JSON, taken: Set<String>) -> String? {
    guard let cidr = node[path: ["spec", "podCIDR"]]?.stringValue else { return nil }
    let parts = cidr.split(separator: "/")
    let octets = (parts.first ?? "").split(separator: ".").compactMap { UInt32($0) }
    guard parts.count == 2, octets.count == 4, let prefix = UInt32(parts[1]), prefix >= 8, prefix <= 30 else {
      return nil
    }
    let base = octets.reduce(0) { $0 << 8 | $1 } & ~((1 << (32 - prefix)) - 1)
    let size = UInt32(1) << (32 - prefix)
    for offset in 2..<(size - 1) {
      let address = base + offset
      let text = [24, 16, 8, 0].map { String((address >> $0) & 255) }.joined(separator: ".")
      if !taken.contains(text) { return text }
    }
    return nil
  }

  static func nodeAddress(_ node: JSON) -> String? {
    (node[path: ["status", "addresses"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == "InternalIP" }?[
      "address"]?.stringValue
  }
}
