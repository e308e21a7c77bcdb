import Foundation
import NIOCore

/// The API server's address and port, held by a socket bound without listening for as long as the
/// server lives. While kube-apiserver is down the listener is closed and clients are refused, yet
/// no other program's bind to port 0 or outgoing connection can take the port, so the server finds
/// it free when it comes back. Both sockets set SO_REUSEADDR, which lets the listener share the
/// port with a socket that does not listen.
final class PortReservation: Sendable {
  /// The address with the port bound: the one asked for, or the one the kernel chose for port 0.
  let address: SocketAddress
  /// The host as the configuration names it, for messages.
  private let host: String
  private let descriptor: Int32

  /// Binds `host`'s first address and `port`, or throws why not ("Address already in use").
  init(host: String, port: Int) throws(Failure) {
    let wanted: SocketAddress
    do {
      wanted = try SocketAddress.makeAddressResolvingHost(host, port: port)
    } catch {
      throw Failure(host: host, port: port, reason: "\(error)")
    }
    let descriptor = Self.boundSocket(at: wanted)
    guard descriptor >= 0, let boundPort = Self.localPort(of: descriptor) else {
      let reason = String(cString: strerror(errno))
      if descriptor >= 0 { close(descriptor) }
      throw Failure(host: host, port: port, reason: reason)
    }
    self.descriptor = descriptor
    self.host = host
    var address = wanted
    address.port = boundPort
    self.address = address
  }

  deinit {
    close(descriptor)
  }

  var port: Int { address.port ?? 0 }

  /// A socket for the server to listen on at the held address, or why not.
  func makeListeningSocket() throws(Failure) -> ListeningSocket {
    guard let socket = ListeningSocket(descriptor: Self.boundSocket(at: address)) else {
      throw Failure(host: host, port: port, reason: String(cString: strerror(errno)))
    }
    return socket
  }

  /// A stream socket bound to `address` with SO_REUSEADDR, closed on exec, or -1 with errno set.
  private static func boundSocket(at address: SocketAddress) -> Int32 {
    let descriptor = socket(address.protocol.rawValue, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return -1 }
    var reuse: Int32 = 1
    let bound =
      setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size)) == 0
      && address.withSockAddr { bind(descriptor, $0, socklen_t($1)) } == 0
    guard bound else {
      let failure = errno
      close(descriptor)
      errno = failure
      return -1
    }
    return descriptor
  }

  /// The port bound, read back: IPv4 and IPv6 addresses keep it at the same place.
  private static func localPort(of descriptor: Int32) -> Int? {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let read = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard read == 0 else { return nil }
    return withUnsafePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
    }
  }

  /// Why the address and port cannot be held.
  struct Failure: Error, CustomStringConvertible {
    var host: String
    var port: Int
    var reason: String

    var description: String { "cannot listen on \(host):\(port): \(reason)" }
  }
}
