import X509

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GeneralName {
  /// The subject alternative name for a host as a user writes it: an IPv4 or IPv6 literal becomes
  /// an iPAddress entry (clients match IP hosts only against those), anything else a dNSName.
  static func forHost(_ host: String) -> GeneralName {
    if let bytes = ipAddressBytes(host) {
      return .ipAddress(.init(contentBytes: bytes[...]))
    }
    return .dnsName(host)
  }

  /// The network-order bytes of an IP literal (4 for IPv4, 16 for IPv6), or nil for a host name.
  static func ipAddressBytes(_ text: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 {
      return withUnsafeBytes(of: &v4) { Array($0) }
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 {
      return withUnsafeBytes(of: &v6) { Array($0) }
    }
    return nil
  }
}
