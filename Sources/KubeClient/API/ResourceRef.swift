import KubeModel

/// A resource type of the API as discovery describes it: where it lives (group, version, plural
/// resource name), its kind, whether objects sit in namespaces, and the names kubectl accepts.
public struct ResourceRef: Hashable, Sendable, CustomStringConvertible {
  public var group: String
  public var version: String
  /// The plural resource name used in paths, e.g. `deployments`.
  public var resource: String
  public var kind: String
  public var namespaced: Bool
  public var singularName: String
  public var shortNames: [String]
  public var verbs: [String]

  public init(
    group: String = "", version: String, resource: String, kind: String, namespaced: Bool,
    singularName: String = "", shortNames: [String] = [], verbs: [String] = []
  ) {
    self.group = group
    self.version = version
    self.resource = resource
    self.kind = kind
    self.namespaced = namespaced
    self.singularName = singularName
    self.shortNames = shortNames
    self.verbs = verbs
  }

  public var groupVersionResource: GroupVersionResource {
    GroupVersionResource(group: group, version: version, resource: resource)
  }

  /// `deployments.apps`, or `pods` for the core group, as kubectl writes resource types.
  public var description: String { groupVersionResource.groupResource.description }

  /// The path of the collection (`name` nil) or of one object, optionally a subresource of it.
  /// A cluster-scoped resource ignores `namespace`; a namespaced one without it spans all
  /// namespaces (lists and watches only).
  func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
    var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    if namespaced, let namespace { path += "/namespaces/\(PathEncoding.segment(namespace))" }
    path += "/\(resource)"
    if let name { path += "/\(PathEncoding.segment(name))" }
    if let subresource { path += "/\(subresource)" }
    return path
  }
}
