/// Where kube-apiserver keeps an object in etcd: `/registry/<prefix>/[<namespace>/]<name>`. Most
/// resources use their plural as the prefix; a few keep names from Kubernetes' early days.
public enum EtcdRegistryKey {
  /// The prefixes that are not the plural, by the store's group-qualified resource.
  static let historicalPrefixes = [
    "nodes": "minions",
    "services": "services/specs",
    "endpoints": "services/endpoints",
    "replicationcontrollers": "controllers",
    "ingresses.networking.k8s.io": "ingress",
    "events.events.k8s.io": "events",
    "apiservices.apiregistration.k8s.io": "apiregistration.k8s.io/apiservices",
    "customresourcedefinitions.apiextensions.k8s.io": "apiextensions.k8s.io/customresourcedefinitions",
  ]

  /// The etcd key of a stored object.
  public static func key(for object: ObjectKey) -> String {
    let plural = object.resource.split(separator: ".", maxSplits: 1).first.map(String.init) ?? object.resource
    let prefix = historicalPrefixes[object.resource] ?? plural
    let namespace = object.namespace.isEmpty ? "" : object.namespace + "/"
    return "/registry/\(prefix)/\(namespace)\(object.name)"
  }
}
