import Foundation

/// A TCP socket bound to a port of 127.0.0.1, held until closed: listening, a port that is surely
/// in use, or (closed at once) one that was free a moment ago; not listening, a placeholder.
public final class LoopbackListener {
  public let port: Int
  private let descriptor: Int32

  /// Listens on `port`, or on one the kernel chooses for 0; a port another socket holds throws
  /// EADDRINUSE.
  public convenience init(port: Int = 0) throws {
    try self.init(port: port, placeholder: false)
  }

  /// A port held without listening: every connection to it is refused, and the kernel gives it to
  /// no bind to port 0 and no outgoing connection, where a port closed at once may be taken at any
  /// moment by a test running alongside. A server that sets SO_REUSEADDR, as the sandbox does, can
  /// still listen on it.
  public static func placeholder() throws -> LoopbackListener {
    try LoopbackListener(port: 0, placeholder: true)
  }

  private init(port: Int, placeholder: Bool) throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var reuse: Int32 = 1
    if placeholder { setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size)) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard descriptor >= 0, bound == 0, placeholder || listen(descriptor, 1) == 0 else {
      let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      _ = Glibc.close(descriptor)
      throw error
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
