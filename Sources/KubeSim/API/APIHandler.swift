import Foundation
import KubeModel

/// The REST front of the sandbox: routes each request to discovery or to a resource verb and
/// encodes the answer as the real API server does (JSON, Table, Status, watch stream).
public final class APIHandler: Sendable {
  public let cluster: Cluster
  let discovery: DiscoveryDocuments
  let aggregatedDiscovery: AggregatedDiscovery
  /// Writes every watch's lines, off the store's lock.
  let watchRenderer = WatchRenderer()

  public init(cluster: Cluster, serverAddress: String) {
    self.cluster = cluster
    discovery = DiscoveryDocuments(catalog: cluster.catalog, serverAddress: serverAddress)
    aggregatedDiscovery = AggregatedDiscovery(catalog: cluster.catalog)
  }

  /// Whether the server should answer `request` where it arrived, not on a worker thread: a
  /// health probe's answer is a constant, cheaper than the hop, and a probe must not queue
  /// behind work that waits on the store.
  public func answersAtOnce(_ request: APIRequest) -> Bool {
    APITarget.isHealth(path: request.path)
  }

  public func handle(_ request: APIRequest) -> APIResponse {
    do {
      return try route(request)
    } catch let error as APIError {
      return .error(error)
    } catch {
      return .error(.internalError(String(describing: error)))
    }
  }

  private func route(_ request: APIRequest) throws -> APIResponse {
    let target = APITarget(path: request.path, catalog: cluster.catalog)
    switch target {
    case .version: return .json(cluster.serverVersion.json)
    case .health: return .text("ok")
    case .openAPIV2:
      // An empty protobuf document: kubectl's client-side validation then accepts every built-in kind.
      return APIResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: .bytes([]))
    case .openAPIV3Index: return .json(try OpenAPIDocuments.bundled.index())
    case .openAPIV3Document(let path):
      guard let document = try OpenAPIDocuments.bundled.document(path) else { throw APIError.pathNotFound }
      return try openAPIV3Response(document, request)
    case .coreVersions: return discoveryRoot(core: true, request)
    case .groupList: return discoveryRoot(core: false, request)
    case .group(let name):
      guard let group = discovery.group(named: name) else { throw APIError.pathNotFound }
      return .json(group)
    case .resourceList(let groupVersion):
      guard let list = discovery.resourceList(groupVersion: groupVersion) else { throw APIError.pathNotFound }
      return .json(list)
    case .resource(let target): return try handleResource(target, request)
    case .notFound: throw APIError.pathNotFound
    }
  }

  /// GET /api or /apis: aggregated when the client asks for it, the legacy document otherwise.
  private func discoveryRoot(core: Bool, _ request: APIRequest) -> APIResponse {
    if let version = AggregatedDiscovery.negotiate(request.header("Accept")) {
      return aggregatedDiscovery.response(core: core, version)
    }
    return .json(core ? discovery.coreVersions : discovery.groupList)
  }

  private func handleResource(_ target: ResourceRequest, _ request: APIRequest) throws -> APIResponse {
    switch (request.method, target.name, target.subresource) {
    case ("GET", nil, _):
      if request.query.flag("watch") || target.legacyWatch { return try watch(target, request) }
      return try list(target, request)
    case ("GET", let name?, nil): return try get(target, name: name, request)
    case ("GET", let name?, "scale"):
      return .json(try cluster.scale(target.resource, namespace: target.namespace, name: name))
    case ("GET", let name?, "log"): return try log(target, name: name, request)
    case ("GET", _?, "exec"), ("POST", _?, "exec"), ("GET", _?, "attach"), ("POST", _?, "attach"),
      ("GET", _?, "portforward"), ("POST", _?, "portforward"):
      return try streamWithoutWebSocket(path: request.path, query: request.query)
    case ("GET", let name?, "status"):
      return .json(try cluster.get(target.resource, namespace: target.namespace, name: name))
    case ("POST", nil, nil): return try create(target, request)
    case ("POST", let name?, let subresource?): return try createSubresource(target, name: name, subresource, request)
    case ("PUT", let name?, _): return try update(target, name: name, request)
    case ("PATCH", let name?, _): return try patch(target, name: name, request)
    case ("DELETE", let name?, nil): return try delete(target, name: name, request)
    case ("DELETE", nil, nil): return try deleteCollection(target, request)
    default:
      throw APIError.methodNotSupported(target.resource, verb: request.method.lowercased())
    }
  }

  /// Decodes a request body: JSON, or protobuf (kubectl 1.32+ typed clients) into the JSON a
  /// JSON client sends for the same object.
  func decodeBody(_ request: APIRequest) throws -> JSON {
    if request.contentType == "application/vnd.kubernetes.protobuf" {
      do {
        return try ProtobufObjectDecoder().decode(body: request.body)
      } catch let error as ProtobufDecodingError {
        throw APIError.badRequest(error.message)
      }
    }
    do {
      return try JSON(parsing: request.body)
    } catch let error as JSONParseError {
      throw APIError.badRequest("couldn't get version/kind; json parse error: \(error.message)")
    }
  }

  func writeOptions(_ request: APIRequest) throws -> WriteOptions {
    var options = WriteOptions()
    options.dryRun = request.query["dryRun"] == "All"
    if let dryRun = request.query["dryRun"], !dryRun.isEmpty, dryRun != "All" {
      throw APIError.badRequest("Invalid dryRun value: \(dryRun)")
    }
    options.fieldManager = request.query["fieldManager"]
    switch request.query["fieldValidation"] {
    case nil, "": options.fieldValidation = .warn
    case "Ignore": options.fieldValidation = .ignore
    case "Warn": options.fieldValidation = .warn
    case "Strict": options.fieldValidation = .strict
    case let other?:
      throw APIError.badRequest(
        "fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"\(other)\"")
    }
    return options
  }
}
