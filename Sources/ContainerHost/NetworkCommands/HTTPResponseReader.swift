import Foundation

/// Reads an HTTP/1.x response from a socket: the head, then a body by Content-Length, chunked, or
/// to the end of the connection, each read waiting at most `timeout` seconds (wget's `-T`).
struct HTTPResponseReader {
  struct Head {
    var lines: [String]
    var status: Int
    var headers: [String: String]
  }

  let socket: Int32
  let timeout: Double?
  private var buffered: [UInt8] = []
  private(set) var timedOut = false
  private var ended = false

  init(socket: Int32, timeout: Double?) {
    self.socket = socket
    self.timeout = timeout
  }

  mutating func readHead() -> Head? {
    while true {
      if let end = Self.find([13, 10, 13, 10], in: buffered) {
        let text = String(decoding: buffered[..<end], as: UTF8.self)
        buffered.removeFirst(end + 4)
        let lines = text.components(separatedBy: "\r\n")
        let status = lines.first?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Head(lines: lines, status: status, headers: headers)
      }
      guard fill() else { return nil }
    }
  }

  mutating func readBody(_ head: Head) -> [UInt8]? {
    if head.headers["transfer-encoding"]?.lowercased() == "chunked" { return readChunks() }
    if let length = head.headers["content-length"].flatMap(Int.init) {
      while buffered.count < length { guard fill() else { return nil } }
      return Array(buffered.prefix(length))
    }
    while fill() {}
    return timedOut ? nil : buffered
  }

  private mutating func readChunks() -> [UInt8]? {
    var body: [UInt8] = []
    while true {
      var lineEnd = Self.find([13, 10], in: buffered)
      while lineEnd == nil {
        guard fill() else { return nil }
        lineEnd = Self.find([13, 10], in: buffered)
      }
      let sizeText = String(decoding: buffered[..<lineEnd!], as: UTF8.self).split(separator: ";").first ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
      buffered.removeFirst(lineEnd! + 2)
      if size == 0 { return body }
      while buffered.count < size + 2 { guard fill() else { return nil } }
      body += buffered.prefix(size)
      buffered.removeFirst(size + 2)
    }
  }

  /// Reads more from the socket; false at its end or after the timeout.
  private mutating func fill() -> Bool {
    guard !ended else { return false }
    var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    let waited = poll(&descriptor, 1, timeout.map { Int32($0 * 1000) } ?? -1)
    if waited == 0 {
      timedOut = true
      ended = true
      return false
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = read(socket, &chunk, chunk.count)
    if count < 0, errno == EINTR { return true }
    guard count > 0 else {
      ended = true
      return false
    }
    buffered += chunk[..<count]
    return true
  }

  private static func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= pattern.count else { return nil }
    return (0...(bytes.count - pattern.count)).first { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
  }
}
