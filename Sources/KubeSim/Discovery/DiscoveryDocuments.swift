import KubeModel

/// The legacy (plain application/json) discovery documents: every kubectl from 1.27 on reads them,
/// and clients that do not ask for aggregated discovery (the Python client) get them.
struct DiscoveryDocuments {
  let catalog: ServedCatalog
  let serverAddress: String

  /// GET /api
  var coreVersions: JSON {
    [
      "kind": "APIVersions", "versions": ["v1"],
      "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
    ]
  }

  /// GET /apis
  var groupList: JSON {
    ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(catalog.groupNames.map { group(named: $0)! })]
  }

  /// GET /apis/<group>
  func group(named name: String) -> JSON? {
    let versions = catalog.groups.filter { $0.group == name }
    guard let preferred = versions.first else { return nil }
    func entry(_ version: ServedCatalog.GroupVersionResources) -> JSON {
      ["groupVersion": .string(version.groupVersion), "version": .string(version.version)]
    }
    return [
      "kind": "APIGroup", "apiVersion": "v1", "name": .string(name), "versions": .array(versions.map(entry)),
      "preferredVersion": entry(preferred),
    ]
  }

  /// GET /api/v1 or /apis/<group>/<version>: resources and their subresources.
  func resourceList(groupVersion: String) -> JSON? {
    guard let entry = catalog.groups.first(where: { $0.groupVersion == groupVersion }) else { return nil }
    var resources: [JSON] = []
    for resource in entry.resources {
      var item: JSONObject = [
        "name": .string(resource.plural), "singularName": .string(resource.singular),
        "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind),
        "verbs": .array(resource.verbs.map(JSON.string)),
      ]
      if !resource.shortNames.isEmpty { item["shortNames"] = .array(resource.shortNames.map(JSON.string)) }
      if !resource.categories.isEmpty { item["categories"] = .array(resource.categories.map(JSON.string)) }
      resources.append(.object(item))
      for name in resource.subresources.keys.sorted() {
        let subresource = resource.subresources[name]!
        var sub: JSONObject = [
          "name": .string("\(resource.plural)/\(name)"), "singularName": "", "namespaced": .bool(resource.namespaced),
        ]
        if let group = subresource.group { sub["group"] = .string(group) }
        if let version = subresource.version { sub["version"] = .string(version) }
        sub["kind"] = .string(subresource.kind)
        sub["verbs"] = .array(subresource.verbs.map(JSON.string))
        resources.append(.object(sub))
      }
    }
    return [
      "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(groupVersion),
      "resources": .array(resources),
    ]
  }
}
