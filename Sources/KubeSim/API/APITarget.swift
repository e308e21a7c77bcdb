/// What a request path names: a discovery document, a health check, or a resource.
enum APITarget {
  case version
  case health
  case openAPIV2
  case openAPIV3Index
  /// One group-version's document: `api/v1`, `apis/apps/v1`.
  case openAPIV3Document(String)
  case coreVersions
  case groupList
  case group(String)
  case resourceList(groupVersion: String)
  case resource(ResourceRequest)
  case notFound

  /// The health endpoints' first segments.
  static let healthRoots: Set<String> = ["healthz", "readyz", "livez"]

  /// Whether a path is a health probe, whose answer is a constant.
  static func isHealth(path: String) -> Bool {
    // Asked of every request on the event loop: read the first segment without splitting the rest.
    healthRoots.contains(String(path.drop { $0 == "/" }.prefix { $0 != "/" }))
  }

  /// Parses a request path, tolerating a trailing slash as the real server does.
  init(path: String, catalog: ServedCatalog) {
    let segments = path.split(separator: "/").map(String.init)
    switch segments.first {
    case "version": self = segments.count == 1 ? .version : .notFound
    case let root? where Self.healthRoots.contains(root): self = .health
    case "openapi":
      switch (segments.count, segments.dropFirst().first) {
      case (2, "v2"): self = .openAPIV2
      case (2, "v3"): self = .openAPIV3Index
      case (_, "v3"): self = .openAPIV3Document(segments.dropFirst(2).joined(separator: "/"))
      default: self = .notFound
      }
    case "api":
      if segments.count == 1 { self = .coreVersions; return }
      guard segments[1] == "v1" else { self = .notFound; return }
      if segments.count == 2 { self = .resourceList(groupVersion: "v1"); return }
      self = Self.resource(groupVersion: "v1", rest: Array(segments.dropFirst(2)), catalog: catalog)
    case "apis":
      switch segments.count {
      case 1: self = .groupList
      case 2: self = .group(segments[1])
      case 3: self = .resourceList(groupVersion: "\(segments[1])/\(segments[2])")
      default:
        self = Self.resource(
          groupVersion: "\(segments[1])/\(segments[2])", rest: Array(segments.dropFirst(3)), catalog: catalog)
      }
    default: self = .notFound
    }
  }

  private static func resource(groupVersion: String, rest: [String], catalog: ServedCatalog) -> APITarget {
    var rest = rest
    var legacyWatch = false
    if rest.first == "watch" {
      legacyWatch = true
      rest.removeFirst()
    }
    var namespace: String?
    // /namespaces/<ns>/<resource>/… is a namespaced resource; /namespaces/<ns>/status is the namespace's own.
    if rest.count >= 3, rest[0] == "namespaces", !["status", "finalize"].contains(rest[2]) || rest.count > 3 {
      namespace = rest[1]
      rest.removeFirst(2)
    }
    guard rest.count >= 1, rest.count <= 3, let resource = catalog.resource(groupVersion: groupVersion, plural: rest[0])
    else { return .notFound }
    if namespace != nil && !resource.namespaced { return .notFound }
    let subresource = rest.count == 3 ? rest[2] : nil
    if let subresource, resource.subresources[subresource] == nil { return .notFound }
    return .resource(
      ResourceRequest(
        resource: resource, namespace: namespace, name: rest.count >= 2 ? rest[1] : nil, subresource: subresource,
        legacyWatch: legacyWatch))
  }
}

/// A request addressed to a resource: a collection, one object, or one of its subresources.
struct ResourceRequest {
  var resource: ServedResource
  var namespace: String?
  var name: String?
  var subresource: String?
  var legacyWatch: Bool
}
