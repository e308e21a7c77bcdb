import Foundation

/// One HTTP request to the API server, relative to the endpoint's server URL.
struct TransportRequest: Sendable {
  var method: String
  /// Path below the server URL, with its query, e.g. `/api/v1/namespaces/default/pods?limit=2`.
  var path: String
  var headers: [(name: String, value: String)] = []
  var body: [UInt8]?
  /// A watch: delivered line by line, and bound by no request timeout.
  var isStreaming = false

  init(method: String, path: String, body: [UInt8]? = nil, contentType: String? = nil) {
    self.method = method
    self.path = path
    self.body = body
    if let contentType { headers.append((name: "Content-Type", value: contentType)) }
  }
}
