import Foundation
import Synchronization

/// The web server of an image that serves HTTP without running (nginx, httpd): it answers each
/// request with a file the catalogue gives the image, `/` with its index page, anything else with
/// the server's 404 page, as the real server's default configuration does.
final class ImageWebServer: ForwardedConnection, Sendable {
  /// What an image serves, from the catalogue's `serves`.
  struct Site {
    var port: Int
    /// The document root, a folder of the image's files.
    var root: String
    /// The Server header ("nginx/1.27.4").
    var server: String
    var files: [String: String]
  }

  private let site: Site
  private let respond: @Sendable ([UInt8]) -> Void
  private let closed: @Sendable (String?) -> Void
  private let pending = Mutex<[UInt8]>([])
  private let isClosed = Mutex(false)

  init(site: Site, respond: @escaping @Sendable ([UInt8]) -> Void, closed: @escaping @Sendable (String?) -> Void) {
    self.site = site
    self.respond = respond
    self.closed = closed
  }

  func write(_ bytes: [UInt8]) {
    var responses: [[UInt8]] = []
    var closeAfter = false
    pending.withLock { pending in
      pending += bytes
      // One response per complete request head; a request has no body worth reading here.
      while !closeAfter, let end = Self.endOfHead(pending) {
        let head = String(decoding: pending[..<end], as: UTF8.self)
        pending.removeFirst(end + 4)
        let (response, close) = answer(head)
        responses.append(response)
        closeAfter = close
      }
    }
    responses.forEach(respond)
    if closeAfter { stop() }
  }

  /// The client sent all it will: the server closes its side too.
  func closeInput() { stop() }

  func stop() {
    let first = isClosed.withLock { isClosed in
      defer { isClosed = true }
      return !isClosed
    }
    if first { closed(nil) }
  }

  private static func endOfHead(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    return (0...(bytes.count - 4)).first { bytes[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
  }

  /// The response to one request head, and whether the connection ends after it.
  private func answer(_ head: String) -> ([UInt8], Bool) {
    let lines = head.components(separatedBy: "\r\n")
    let words = (lines.first ?? "").split(separator: " ").map(String.init)
    let method = words.first ?? "GET"
    var path = words.count > 1 ? words[1] : "/"
    if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
    if path.hasSuffix("/") { path += "index.html" }
    let http10 = words.last == "HTTP/1.0"
    let close =
      http10 || lines.contains { $0.lowercased().hasPrefix("connection:") && $0.lowercased().contains("close") }
    let file = site.files[site.root + path]
    let status = file == nil ? "404 Not Found" : "200 OK"
    let body = Array(
      (file
        ?? "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
        + "<hr><center>\(site.server)</center>\r\n</body>\r\n</html>\r\n").utf8)
    let headers = [
      "HTTP/1.1 \(status)", "Server: \(site.server)", "Date: \(Self.httpDate(Date()))", "Content-Type: text/html",
      "Content-Length: \(body.count)", "Connection: \(close ? "close" : "keep-alive")",
    ]
    let text = headers.joined(separator: "\r\n") + "\r\n\r\n"
    return (Array(text.utf8) + (method == "HEAD" ? [] : body), close)
  }

  private static func httpDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
  }
}
