import Foundation
import KubeModel

/// A client of one cluster's REST API, built from a resolved `ClusterEndpoint`: discovery and a
/// REST mapper, get/list/create/update/patch/delete, and watch. Objects are `JSON`.
///
/// One client keeps one connection alive for its ordinary requests; create one per endpoint and
/// reuse it. Failed reads are retried (see `RetryPolicy`); every failure is a `KubeClientError`.
public final class KubeClient: Sendable {
  public let endpoint: ClusterEndpoint
  public let options: ClientOptions
  let transport: CurlTransport
  let discoveryCache = DiscoveryCache()

  /// Throws `KubeClientError.invalidConfiguration` when the endpoint's server is not a URL.
  public init(endpoint: ClusterEndpoint, options: ClientOptions = .init()) throws {
    self.endpoint = endpoint
    self.options = options
    transport = try CurlTransport(endpoint: endpoint, options: options)
  }

  /// GETs any API path (`/version`, `/api`, `/apis/apps/v1`, …) and decodes the JSON answer.
  public func getJSON(path: String) async throws -> JSON {
    try await requestJSON(method: "GET", path: path)
  }

  func requestJSON(method: String, path: String, body: JSON? = nil, contentType: String = "application/json")
    async throws -> JSON
  {
    let request = TransportRequest(
      method: method, path: path, body: body.map { Array($0.serialized().utf8) },
      contentType: body == nil ? nil : contentType)
    return try decode(try await transport.send(request))
  }

  func decode(_ response: TransportResponse) throws -> JSON {
    do {
      return try JSON(parsing: response.body)
    } catch {
      throw KubeClientError.invalidResponse(server: endpoint.server, detail: "the body is not JSON: \(error)")
    }
  }

  /// The namespace an object request uses: the caller's, else the endpoint's default.
  func namespace(_ namespace: String?, for resource: ResourceRef) -> String? {
    resource.namespaced ? (namespace ?? endpoint.namespace) : nil
  }
}
