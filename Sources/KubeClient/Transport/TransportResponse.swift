import Foundation

/// What the server answered to one attempt of a request.
struct TransportResponse: Sendable {
  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]
  /// New connections libcurl opened for this request (0 when it reused a kept-alive one).
  var connectionsOpened: Int

  func header(_ name: String) -> String? {
    headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// Seconds from a `Retry-After: N` header; the HTTP-date form is not used by API servers.
  var retryAfter: Double? { header("Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
}
