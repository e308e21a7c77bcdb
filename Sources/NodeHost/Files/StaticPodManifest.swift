import KubeModel

/// A static pod's manifest as kubeadm writes it to /etc/kubernetes/manifests, made from its mirror
/// pod: the same spec, without what the API server and the kubelet added (the node suffix of the
/// name, uid, config annotations, owner, defaults, status).
enum StaticPodManifest {
  /// Spec fields the API server defaults, which kubeadm's files leave out.
  private static let defaultedSpecFields = [
    "dnsPolicy", "enableServiceLinks", "nodeName", "preemptionPolicy", "restartPolicy", "schedulerName",
    "terminationGracePeriodSeconds", "tolerations", "serviceAccountName", "serviceAccount",
  ]
  private static let defaultedContainerFields = ["terminationMessagePath", "terminationMessagePolicy"]
  private static let mirrorAnnotations = [
    "kubernetes.io/config.hash", "kubernetes.io/config.mirror", "kubernetes.io/config.seen",
    "kubernetes.io/config.source",
  ]

  /// The file name under the manifests folder: etcd.yaml, kube-apiserver.yaml, …
  static func fileName(_ mirror: JSON, node: String) -> String {
    baseName(mirror, node: node) + ".yaml"
  }

  static func manifest(_ mirror: JSON, node: String) -> JSON {
    var metadata: JSONObject = [
      "creationTimestamp": .null, "labels": mirror[path: ["metadata", "labels"]] ?? .null,
      "name": .string(baseName(mirror, node: node)),
      "namespace": mirror[path: ["metadata", "namespace"]] ?? "kube-system",
    ]
    var annotations = mirror[path: ["metadata", "annotations"]]?.objectValue ?? [:]
    for key in mirrorAnnotations { annotations[key] = nil }
    if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
    var spec = mirror["spec"]?.objectValue ?? [:]
    for field in defaultedSpecFields { spec[field] = nil }
    if let containers = spec["containers"]?.arrayValue {
      spec["containers"] = .array(
        containers.map { container in
          var container = container
          for field in defaultedContainerFields { container[field] = nil }
          return container
        })
    }
    return [
      "apiVersion": "v1", "kind": "Pod", "metadata": .object(sortedObject(metadata)),
      "spec": .object(spec), "status": [:],
    ]
  }

  private static func baseName(_ mirror: JSON, node: String) -> String {
    let name = mirror[path: ["metadata", "name"]]?.stringValue ?? ""
    return name.hasSuffix("-" + node) ? String(name.dropLast(node.count + 1)) : name
  }

  private static func sortedObject(_ object: JSONObject) -> JSONObject {
    var sorted = JSONObject()
    for key in object.keys.sorted() { sorted[key] = object[key] }
    return sorted
  }
}
