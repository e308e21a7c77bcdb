/// An IPv4 CIDR block (`10.0.0.0/16`), as NetworkPolicy ipBlocks and the cluster's ranges name them.
struct IPv4Block {
  let base: UInt32
  let mask: UInt32

  init?(_ cidr: String) {
    let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let address = Self.address(String(parts[0])), let bits = Int(parts[1]),
      (0...32).contains(bits)
    else { return nil }
    mask = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
    base = address & mask
  }

  func contains(_ ip: String) -> Bool {
    guard let address = Self.address(ip) else { return false }
    return address & mask == base
  }

  /// The address as a number; nil unless it is four dotted decimal octets.
  static func address(_ text: String) -> UInt32? {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4 else { return nil }
    var value: UInt32 = 0
    for octet in octets {
      guard let byte = UInt8(octet), String(byte) == octet else { return nil }
      value = value << 8 | UInt32(byte)
    }
    return value
  }
}
