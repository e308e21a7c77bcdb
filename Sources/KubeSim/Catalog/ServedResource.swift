import KubeModel

/// One resource the sandbox serves, as discovery describes it.
public struct ServedResource: Hashable, Sendable {
  public var group: String
  public var version: String
  public var plural: String
  public var singular: String
  public var kind: String
  public var namespaced: Bool
  public var verbs: [String]
  public var shortNames: [String]
  public var categories: [String]
  public var subresources: [String: Subresource]
  /// Field selector labels beyond metadata.name and metadata.namespace.
  public var fieldSelectors: [String]
  /// Whether metadata.generation counts spec changes, as the real strategies of workloads do.
  public var tracksGeneration: Bool

  public struct Subresource: Hashable, Sendable {
    public var group: String?
    public var version: String?
    public var kind: String
    public var verbs: [String]
  }

  /// `v1` or `apps/v1`: the apiVersion of the kind.
  public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

  /// `pods` or `deployments.apps`: how errors name the resource, and the store's key for it.
  public var groupResource: String { identity.description }

  public var identity: GroupResource { GroupResource(group: group, resource: plural) }

  /// The URL path of the collection, in `namespace` when the resource is namespaced.
  public func collectionPath(namespace: String?) -> String {
    let root = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    if namespaced, let namespace { return "\(root)/namespaces/\(namespace)/\(plural)" }
    return "\(root)/\(plural)"
  }

  public var hasStatusSubresource: Bool { subresources["status"] != nil }
}
