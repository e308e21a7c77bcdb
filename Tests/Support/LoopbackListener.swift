import Foundation

/// A TCP socket bound to a port of 127.0.0.1, by default one the kernel chose, held until closed: a port that is
/// surely in use, or (closed at once) one that was free a moment ago.
public final class LoopbackListener {
  public let port: Int
  private let descriptor: Int32

  /// - Parameter port: the port to bind, or 0 for one the kernel chooses; binding a port another
  ///   socket holds throws EADDRINUSE (this socket does not set SO_REUSEADDR).
  /// - Parameter listening: false binds without listening: every connection to the port is refused,
  ///   and no other socket can take the port while this one holds it. A port closed at once may be
  ///   reused at any moment by a server of a test running alongside.
  public init(port: Int = 0, listening: Bool = true) throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard descriptor >= 0, bound == 0, !listening || listen(descriptor, 1) == 0 else {
      _ = Glibc.close(descriptor)
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.descriptor = descriptor
    self.port = Int(UInt16(bigEndian: address.sin_port))
  }

  public func close() {
    _ = Glibc.close(descriptor)
  }
}
