import KubeModel

/// Gives every active namespace what the real control plane puts in it: the `default`
/// ServiceAccount (the service account controller) and the `kube-root-ca.crt` ConfigMap with the
/// cluster CA (the root CA publisher). Emptying a terminating namespace is the cluster's part.
final class NamespaceController: Controller {
  let cluster: Cluster
  let watchedResources = ["namespaces"]

  static let rootCADescription =
    "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the "
    + "internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of "
    + "Kubernetes clusters."

  init(cluster: Cluster) {
    self.cluster = cluster
  }

  func handle(_ event: StoreEvent) {
    guard event.kind != .deleted, event.object[path: ["metadata", "deletionTimestamp"]] == nil,
      let namespace = event.object[path: ["metadata", "name"]]?.stringValue
    else { return }
    ensure("serviceaccounts", namespace: namespace, name: "default", object: ["metadata": ["name": "default"]])
    ensure(
      "configmaps", namespace: namespace, name: "kube-root-ca.crt",
      object: [
        "metadata": [
          "name": "kube-root-ca.crt", "annotations": ["kubernetes.io/description": .string(Self.rootCADescription)],
        ],
        "data": ["ca.crt": .string(cluster.caPEM)],
      ])
  }

  /// Creates the object unless it is there; a namespace that began terminating meanwhile refuses it.
  private func ensure(_ plural: String, namespace: String, name: String, object: JSON) {
    guard let resource = cluster.catalog.resource(groupVersion: "v1", plural: plural),
      cluster.store.get(cluster.key(resource, namespace: namespace, name: name)) == nil
    else { return }
    _ = try? cluster.create(resource, namespace: namespace, object: object)
  }
}
