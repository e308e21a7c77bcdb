import Foundation
import NIOHTTP1

/// The secret that `kubelab web` prints in its URL, as Jupyter does: a request that does not carry
/// it, in the URL's `token` parameter or in the cookie the first page sets, is refused. Anyone who
/// can reach the port but did not see the URL gets nothing, the terminal least of all.
struct AccessToken: Sendable {
  let value: String
  /// The cookie's name is random too: two servers on one host keep apart (cookies ignore ports).
  let cookieName: String

  init() {
    value = Self.randomHex(bytes: 32)
    cookieName = "kubelab-" + Self.randomHex(bytes: 4)
  }

  private static func randomHex(bytes: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
  }

  /// Whether the request carries the token in its query or its cookie.
  func admits(_ head: HTTPRequestHead) -> Bool {
    if let given = Self.queryItem("token", in: head.uri), Self.same(given, value) { return true }
    return head.headers["Cookie"].flatMap { $0.split(separator: ";") }.contains { pair in
      let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      return parts.count == 2 && parts[0] == cookieName && Self.same(parts[1], value)
    }
  }

  /// The `Set-Cookie` value that lets the page's own requests and WebSockets in without the
  /// token in every URL: not readable from scripts, never sent by other sites.
  var cookie: String { "\(cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict" }

  static func queryItem(_ name: String, in uri: String) -> String? {
    URLComponents(string: uri)?.queryItems?.first { $0.name == name }?.value
  }

  /// Compares in time independent of where the strings differ, so the token cannot be guessed
  /// one character at a time.
  private static func same(_ given: String, _ expected: String) -> Bool {
    let a = Array(given.utf8)
    let b = Array(expected.utf8)
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
