import Foundation
import KubeModel

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A plain-HTTP client for tests of the sandbox's wire behaviour.
public struct HTTPTestClient: Sendable {
  public let baseURL: String

  public init(baseURL: String) {
    self.baseURL = baseURL
  }

  public struct Response: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public var json: JSON? { try? JSON(parsing: body) }
    public var text: String { String(decoding: body, as: UTF8.self) }
  }

  public func send(
    _ method: String, _ path: String, body: JSON? = nil, contentType: String = "application/json",
    accept: String? = nil
  ) async throws -> Response {
    var request = URLRequest(url: URL(string: baseURL + path)!)
    request.httpMethod = method
    if let body {
      request.httpBody = Data(body.serialized().utf8)
      request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    }
    if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
    }
    return Response(status: http.statusCode, headers: headers, body: data)
  }

  public func get(_ path: String, accept: String? = nil) async throws -> Response {
    try await send("GET", path, accept: accept)
  }
}
