import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One TCP connection to a loopback server, speaking HTTP by hand: tests of framing and
/// keep-alive need the bytes on the wire, which URLSession hides. Reads give up after 10 s, so a
/// server that wrongly keeps a connection open fails the test instead of hanging it.
final class RawHTTPConnection {
  private let socket: Int32
  private var buffered: [UInt8] = []

  struct Response {
    var statusLine: String
    var headers: [String: String]
    var body: String
  }

  struct ConnectionError: Error, Equatable, CustomStringConvertible {
    var description: String
  }

  /// The socket is stored only once connected: a throw after that would run `deinit` and close
  /// it a second time, and by then its number may be another thread's descriptor.
  init(port: Int) throws {
    let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw ConnectionError(description: "socket: errno \(errno)") }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let failure = errno
      close(descriptor)
      throw ConnectionError(description: "connect to port \(port): errno \(failure)")
    }
    socket = descriptor
  }

  deinit { close(socket) }

  func send(_ request: String) throws {
    let bytes = Array(request.utf8)
    var sent = 0
    while sent < bytes.count {
      let written = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
      guard written > 0 else { throw ConnectionError(description: "send: errno \(errno)") }
      sent += written
    }
  }

  /// Reads one response framed by its Content-Length.
  func readResponse() throws -> Response {
    let separator = Array("\r\n\r\n".utf8)
    while buffered.firstRange(of: separator) == nil {
      guard try fill() else { throw ConnectionError(description: "closed before a response head") }
    }
    let end = buffered.firstRange(of: separator)!
    let lines = String(decoding: buffered[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    buffered.removeSubrange(..<end.upperBound)
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let length = Int(headers["content-length"] ?? "") ?? 0
    while buffered.count < length {
      guard try fill() else { throw ConnectionError(description: "closed in the middle of a body") }
    }
    let body = String(decoding: buffered.prefix(length), as: UTF8.self)
    buffered.removeFirst(length)
    return Response(statusLine: lines[0], headers: headers, body: body)
  }

  /// Whether the server has closed its side: the next read finds the end of the stream.
  func isClosedByServer() throws -> Bool {
    guard buffered.isEmpty else { return false }
    return try !fill()
  }

  /// Appends what the socket has; false at the end of the stream.
  private func fill() throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16_384)
    let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
    guard count >= 0 else { throw ConnectionError(description: "no answer within 10 s (errno \(errno))") }
    buffered += chunk.prefix(count)
    return count > 0
  }
}
