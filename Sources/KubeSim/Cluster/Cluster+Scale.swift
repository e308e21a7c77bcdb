import KubeModel

extension Cluster {
  /// The autoscaling/v1 Scale view of a deployment, replica set, stateful set or controller.
  public func scale(_ resource: ServedResource, namespace: String?, name: String) throws -> JSON {
    Self.scaleView(of: try get(resource, namespace: namespace, name: name))
  }

  static func scaleView(of object: JSON) -> JSON {
    var metadata: JSONObject = [:]
    for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
      if let value = object[path: ["metadata", field]] { metadata[field] = value }
    }
    // Controllers select with a LabelSelector; a ReplicationController with a plain label map.
    let rawSelector = object[path: ["spec", "selector"]]
    let isLabelSelector = rawSelector?["matchLabels"] != nil || rawSelector?["matchExpressions"] != nil
    let selectorJSON = isLabelSelector ? rawSelector : ["matchLabels": rawSelector ?? [:]]
    let selector = (try? LabelSelector(json: selectorJSON))?.description ?? ""
    return [
      "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
      "spec": ["replicas": .int(object[path: ["spec", "replicas"]]?.intValue ?? 0)],
      "status": [
        "replicas": .int(object[path: ["status", "replicas"]]?.intValue ?? 0), "selector": .string(selector),
      ],
    ]
  }

  public func setScale(_ resource: ServedResource, namespace: String?, name: String, replicas: Int) throws -> JSON {
    let result = try write(
      resource, namespace: namespace, name: name, subresource: nil, options: WriteOptions(), warnings: []
    ) { current in
      var next = current
      next[path: ["spec", "replicas"]] = .int(replicas)
      return next
    }
    return Self.scaleView(of: result.object)
  }

  public func patchScale(_ resource: ServedResource, namespace: String?, name: String, patch: JSON, type: PatchType)
    throws -> JSON
  {
    let current = try scale(resource, namespace: namespace, name: name)
    let patched = try Self.applying(type, patch, to: current, apiVersion: "autoscaling/v1", kind: "Scale")
    return try setScale(
      resource, namespace: namespace, name: name, replicas: patched[path: ["spec", "replicas"]]?.intValue ?? 0)
  }
}
