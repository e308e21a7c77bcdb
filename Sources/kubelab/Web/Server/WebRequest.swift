import Foundation
import NIOHTTP1

/// One HTTP request to the page's server, read whole.
struct WebRequest: Sendable {
  var method: HTTPMethod
  /// The path without the query, e.g. `/api/labs/pods/check`.
  var path: String
  var uri: String
  var headers: HTTPHeaders
  var body: Data

  /// The path's segments: `/api/labs/pods` → `["api", "labs", "pods"]`.
  var segments: [String] { path.split(separator: "/").map(String.init) }

  /// The body as a JSON object of `Body`; a usage error when it is not.
  func decode<Body: Decodable>(_ type: Body.Type) throws -> Body {
    do {
      return try JSONDecoder().decode(Body.self, from: body)
    } catch {
      throw WebError.badRequest("the request body is not the JSON expected: \(error)")
    }
  }
}

/// Why a request could not be served, as the page shows it.
enum WebError: Error, CustomStringConvertible {
  case badRequest(String)
  case notFound(String)
  case conflict(String)

  var status: HTTPResponseStatus {
    switch self {
    case .badRequest: return .badRequest
    case .notFound: return .notFound
    case .conflict: return .conflict
    }
  }

  var description: String {
    switch self {
    case .badRequest(let reason), .notFound(let reason), .conflict(let reason): return reason
    }
  }
}
