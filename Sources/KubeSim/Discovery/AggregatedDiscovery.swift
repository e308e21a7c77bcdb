import KubeModel

/// Aggregated discovery (apidiscovery.k8s.io): every group, version and resource in one answer to
/// GET /api or /apis, so a kubectl without a cache makes two requests instead of one per group
/// version (fourteen TLS connections each, measured). kubectl 1.27–1.29 ask for v2beta1, 1.30 on
/// for v2; both have the same shape. Clients that ask for plain JSON get the legacy documents.
struct AggregatedDiscovery: Sendable {
  /// The versions a client may name in its Accept header, newest first.
  enum Version: String, CaseIterable, Sendable {
    case v2, v2beta1

    var contentType: String { "application/json;g=apidiscovery.k8s.io;v=\(rawValue);as=APIGroupDiscoveryList" }
  }

  /// The documents, serialized once: the catalogue does not change while the sandbox runs.
  private let core: [Version: [UInt8]]
  private let groups: [Version: [UInt8]]

  init(catalog: ServedCatalog) {
    let coreItems = [Self.group(name: "", versions: catalog.groups.filter { $0.group.isEmpty })]
    let groupItems = catalog.groupNames.map { name in
      Self.group(name: name, versions: catalog.groups.filter { $0.group == name })
    }
    var core: [Version: [UInt8]] = [:]
    var groups: [Version: [UInt8]] = [:]
    for version in Version.allCases {
      core[version] = Self.list(coreItems, version)
      groups[version] = Self.list(groupItems, version)
    }
    self.core = core
    self.groups = groups
  }

  /// The newest version the Accept header names, or nil when it asks for none (legacy JSON).
  static func negotiate(_ accept: String?) -> Version? {
    guard let accept, accept.contains("as=APIGroupDiscoveryList") else { return nil }
    let offered = accept.split(separator: ",").map { $0.replacingOccurrences(of: " ", with: "") }
    return Version.allCases.first { version in
      offered.contains { $0.contains("g=apidiscovery.k8s.io") && $0.contains(";v=\(version.rawValue);") }
    }
  }

  /// GET /api (the core group) or GET /apis (every named group) in `version`.
  func response(core isCore: Bool, _ version: Version) -> APIResponse {
    APIResponse(
      status: 200, headers: [("Content-Type", version.contentType)],
      body: .bytes((isCore ? core : groups)[version] ?? []))
  }

  private static func list(_ items: [JSON], _ version: Version) -> [UInt8] {
    let list: JSON = [
      "kind": "APIGroupDiscoveryList", "apiVersion": .string("apidiscovery.k8s.io/\(version.rawValue)"),
      "metadata": [:], "items": .array(items),
    ]
    return Array(list.serialized().utf8)
  }

  /// One group with its versions, the preferred (the catalogue's first) first.
  private static func group(name: String, versions: [ServedCatalog.GroupVersionResources]) -> JSON {
    let metadata: JSON = name.isEmpty ? [:] : ["name": .string(name)]
    return ["metadata": metadata, "versions": .array(versions.map(version))]
  }

  private static func version(_ entry: ServedCatalog.GroupVersionResources) -> JSON {
    [
      "version": .string(entry.version), "freshness": "Current",
      "resources": .array(entry.resources.map { resource(entry, $0) }),
    ]
  }

  private static func resource(_ entry: ServedCatalog.GroupVersionResources, _ resource: ServedResource) -> JSON {
    var item: JSONObject = [
      "resource": .string(resource.plural), "singularResource": .string(resource.singular),
      "responseKind": kind(group: entry.group, version: entry.version, kind: resource.kind),
      "scope": resource.namespaced ? "Namespaced" : "Cluster", "verbs": .array(resource.verbs.map(JSON.string)),
    ]
    if !resource.shortNames.isEmpty { item["shortNames"] = .array(resource.shortNames.map(JSON.string)) }
    if !resource.categories.isEmpty { item["categories"] = .array(resource.categories.map(JSON.string)) }
    let subresources = resource.subresources.keys.sorted().map { name -> JSON in
      let subresource = resource.subresources[name]!
      return [
        "subresource": .string(name),
        "responseKind": kind(
          group: subresource.group ?? entry.group, version: subresource.version ?? entry.version,
          kind: subresource.kind),
        "verbs": .array(subresource.verbs.map(JSON.string)),
      ]
    }
    if !subresources.isEmpty { item["subresources"] = .array(subresources) }
    return .object(item)
  }

  private static func kind(group: String, version: String, kind: String) -> JSON {
    ["group": .string(group), "version": .string(version), "kind": .string(kind)]
  }
}
