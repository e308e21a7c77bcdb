import KubeModel

/// The owners a change concerns, for a controller that keeps children of another resource (a
/// Deployment's ReplicaSets, a Job's pods): a change to a child may concern any owner in its
/// namespace, since a child can match or stop matching any selector, so all of them are looked at
/// again; a change to an owner concerns that owner, read afresh. A deleted owner needs nothing:
/// garbage collection takes its children.
enum OwnerEvents {
  static func owners(
    of event: StoreEvent, ownerType: ServedResource, childResource: String, in cluster: Cluster
  ) -> [JSON] {
    if event.resource == childResource { return cluster.list(ownerType, namespace: event.namespace).items }
    guard event.resource == ownerType.groupResource, event.kind != .deleted,
      let name = event.object[path: ["metadata", "name"]]?.stringValue,
      let owner = try? cluster.get(ownerType, namespace: event.namespace, name: name)
    else { return [] }
    return [owner]
  }
}
