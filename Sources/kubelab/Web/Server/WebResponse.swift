import Foundation
import NIOHTTP1

/// What the server answers a request with.
struct WebResponse: Sendable {
  var status: HTTPResponseStatus = .ok
  var contentType: String
  var body: Data
  var headers: [(String, String)] = []

  static func json<Value: Encodable>(_ value: Value, status: HTTPResponseStatus = .ok) -> WebResponse {
    do {
      return WebResponse(status: status, contentType: "application/json", body: try JSONOutput.encoder.encode(value))
    } catch {
      return .error(.internalServerError, "cannot encode the answer: \(error)")
    }
  }

  static func text(_ text: String, status: HTTPResponseStatus = .ok) -> WebResponse {
    WebResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8))
  }

  /// An error as JSON `{"error": "…"}`, the one shape the page's scripts read.
  static func error(_ status: HTTPResponseStatus, _ message: String) -> WebResponse {
    json(["error": message], status: status)
  }

}
