import KubeModel

/// The pod a workload controller creates from its pod template: the template's labels,
/// annotations and finalizers, a controller owner reference, and the template's spec.
enum TemplatePod {
  /// `name` when the controller names its pods (StatefulSets), otherwise `<owner>-<suffix>`.
  static func make(from template: JSON, owner: JSON, namespace: String, name: String? = nil) -> JSON {
    var metadata: JSONObject = [:]
    if let name {
      metadata["name"] = .string(name)
    } else {
      metadata["generateName"] = .string((owner[path: ["metadata", "name"]]?.stringValue ?? "") + "-")
    }
    metadata["namespace"] = .string(namespace)
    for field in ["labels", "annotations", "finalizers"] {
      if let value = template[path: ["metadata", field]] { metadata[field] = value }
    }
    metadata["ownerReferences"] = [OwnerReferences.controllerReference(to: owner)]
    return ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": template["spec"] ?? [:]]
  }
}
