import KubeModel

extension Cluster {
  /// pods/binding: what the scheduler posts to place a pod on a node.
  public func bind(namespace: String?, pod name: String, node: String) throws {
    let pods = catalog.resource(groupVersion: "v1", plural: "pods")!
    let key = key(pods, namespace: namespace, name: name)
    let outcome = try store.update(key) { current in
      if let assigned = current[path: ["spec", "nodeName"]]?.stringValue, !assigned.isEmpty {
        throw APIError.conflict(pods, name: name)
      }
      var bound = current
      bound[path: ["spec", "nodeName"]] = .string(node)
      return bound
    }
    if case .notFound = outcome { throw APIError.notFound(pods, name: name) }
  }
}
