import KubeModel

extension Cluster {
  /// The autoscaling/v1 Scale view of a deployment, replica set, stateful set or controller.
  public func scale(_ resource: ResourceType, namespace: String?, name: String) throws -> JSON {
    Self.scaleView(of: try get(resource, namespace: namespace, name: name))
  }

  static func scaleView(of object: JSON) -> JSON {
    var metadata: JSONObject = [:]
    for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
      if let value = object[path: ["metadata", field]] { metadata[field] = value }
    }
    let selector: String
    if let matchLabels = object[path: ["spec", "selector", "matchLabels"]]?.objectValue {
      selector = matchLabels.keys.sorted().map { "\($0)=\(matchLabels[$0]?.stringValue ?? "")" }.joined(separator: ",")
    } else if let plain = object[path: ["spec", "selector"]]?.objectValue {
      selector = plain.keys.sorted().map { "\($0)=\(plain[$0]?.stringValue ?? "")" }.joined(separator: ",")
    } else {
      selector = ""
    }
    return [
      "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
      "spec": ["replicas": .int(object[path: ["spec", "replicas"]]?.intValue ?? 0)],
      "status": [
        "replicas": .int(object[path: ["status", "replicas"]]?.intValue ?? 0), "selector": .string(selector),
      ],
    ]
  }

  public func setScale(_ resource: ResourceType, namespace: String?, name: String, replicas: Int) throws -> JSON {
    let result = try write(
      resource, namespace: namespace, name: name, subresource: nil, options: WriteOptions(), warnings: []
    ) { current in
      var next = current
      next[path: ["spec", "replicas"]] = .int(replicas)
      return next
    }
    return Self.scaleView(of: result.object)
  }

  public func patchScale(_ resource: ResourceType, namespace: String?, name: String, patch: JSON, type: PatchType)
    throws -> JSON
  {
    let current = try scale(resource, namespace: namespace, name: name)
    let patched = try Self.applying(type, patch, to: current, apiVersion: "autoscaling/v1", kind: "Scale")
    return try setScale(
      resource, namespace: namespace, name: name, replicas: patched[path: ["spec", "replicas"]]?.intValue ?? 0)
  }
}
