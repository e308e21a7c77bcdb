import Foundation
import KubeModel

/// An HTTP request as the API layer sees it, after TLS and authentication.
public struct APIRequest: Sendable {
  public var method: String
  public var path: String
  public var query: QueryParameters
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]
  /// The authenticated user's name, or nil on a sandbox without authentication.
  public var user: String?

  public init(method: String, uri: String, headers: [(name: String, value: String)], body: [UInt8], user: String?) {
    self.method = method
    let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    path = parts.first.map(String.init) ?? "/"
    query = QueryParameters(parts.count > 1 ? String(parts[1]) : "")
    self.headers = headers
    self.body = body
    self.user = user
  }

  public func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// The media type of the body without parameters, e.g. `application/strategic-merge-patch+json`.
  public var contentType: String {
    (header("Content-Type") ?? "application/json").split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    } ?? "application/json"
  }
}

/// What the API layer answers: a whole body, or a stream (watch events, a followed log).
public struct APIResponse: Sendable {
  public enum Body: Sendable {
    case bytes([UInt8])
    case stream(any ResponseStream)
  }

  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: Body

  public static func json(_ value: JSON, status: Int = 200, warnings: [String] = []) -> APIResponse {
    var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
    for warning in warnings {
      headers.append(("Warning", "299 - \"\(warning.replacingOccurrences(of: "\"", with: "\\\""))\""))
    }
    return APIResponse(status: status, headers: headers, body: .bytes(Array(value.serialized().utf8)))
  }

  public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8")
    -> APIResponse
  {
    APIResponse(status: status, headers: [("Content-Type", contentType)], body: .bytes(Array(text.utf8)))
  }

  public static func error(_ error: APIError) -> APIResponse {
    .json(error.status.toJSON(), status: error.code)
  }
}
