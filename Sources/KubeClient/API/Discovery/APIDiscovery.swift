import KubeModel

/// Reads the API's legacy discovery documents (plain JSON, which every server serves):
/// `/api` and `/apis` for the group versions, then one resource list per group version.
struct APIDiscovery {
  let client: KubeClient

  /// Every top-level resource, in the priority order the REST mapper uses.
  func resources() async throws -> [ResourceRef] {
    var groupVersions: [(group: String, version: String)] = []
    let core = try await client.getJSON(path: "/api")
    for version in core["versions"]?.arrayValue ?? [] {
      if let version = version.stringValue { groupVersions.append(("", version)) }
    }
    let groups = try await client.getJSON(path: "/apis")
    for group in groups["groups"]?.arrayValue ?? [] {
      guard let name = group["name"]?.stringValue else { continue }
      let preferred = group[path: ["preferredVersion", "version"]]?.stringValue
      var versions = (group["versions"]?.arrayValue ?? []).compactMap { $0["version"]?.stringValue }
      if let preferred, let index = versions.firstIndex(of: preferred) {
        versions.insert(versions.remove(at: index), at: 0)
      }
      groupVersions += versions.map { (name, $0) }
    }
    var resources: [ResourceRef] = []
    for (group, version) in groupVersions {
      let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
      let list = try await client.getJSON(path: path)
      resources += (list["resources"]?.arrayValue ?? []).compactMap {
        Self.resource($0, group: group, version: version)
      }
    }
    return resources
  }

  /// One APIResource entry; nil for subresources (`pods/log`) and malformed entries.
  private static func resource(_ json: JSON, group: String, version: String) -> ResourceRef? {
    guard let name = json["name"]?.stringValue, !name.contains("/"), let kind = json["kind"]?.stringValue else {
      return nil
    }
    return ResourceRef(
      group: group, version: version, resource: name, kind: kind, namespaced: json["namespaced"]?.boolValue ?? false,
      singularName: json["singularName"]?.stringValue ?? "",
      shortNames: (json["shortNames"]?.arrayValue ?? []).compactMap(\.stringValue),
      verbs: (json["verbs"]?.arrayValue ?? []).compactMap(\.stringValue))
  }
}
