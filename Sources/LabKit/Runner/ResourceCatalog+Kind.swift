import KubeClient

extension ResourceCatalog {
  /// The resource type of a manifest's `kind` and `apiVersion`, with the version it asks for.
  static func resolve(kind: String, apiVersion: String) -> (type: ResourceType, version: String)? {
    let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let version = parts.last, !version.isEmpty else { return nil }
    let group = parts.count == 2 ? parts[0] : ""
    guard let type = builtIn.first(where: { $0.kind == kind && $0.group == group }) else { return nil }
    return (type, version)
  }
}

extension LabCluster {
  /// Where an object of a manifest or a provisioning record lives in the API.
  func ref(kind: String, apiVersion: String) -> ResourceRef? {
    guard let (type, version) = ResourceCatalog.resolve(kind: kind, apiVersion: apiVersion) else { return nil }
    var ref = ref(type)
    ref.version = version
    return ref
  }
}
