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

  /// Creates a pod from `owner`'s template and records `SuccessfulCreate`, or `FailedCreate` with
  /// the reason, on the owner, as the ReplicaSet and Job controllers do.
  static func create(
    for owner: JSON, namespace: String, in cluster: Cluster, type: ServedResource, events: EventRecorder
  ) {
    let pod = make(from: owner[path: ["spec", "template"]] ?? [:], owner: owner, namespace: namespace)
    do {
      let created = try cluster.create(type, namespace: namespace, object: pod).object
      let name = created[path: ["metadata", "name"]]?.stringValue ?? ""
      events.record(owner, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: \(name)")
    } catch let error as APIError {
      events.record(owner, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)")
    } catch {
      events.record(owner, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error)")
    }
  }
}
