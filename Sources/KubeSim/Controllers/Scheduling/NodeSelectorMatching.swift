import KubeModel

/// Whether a node satisfies a pod's nodeSelector and required node affinity.
enum NodeSelectorMatching {
  static func matches(pod: JSON, node: JSON) -> Bool {
    let labels = node[path: ["metadata", "labels"]]?.objectValue ?? [:]
    for (key, wanted) in pod[path: ["spec", "nodeSelector"]]?.objectValue ?? [:]
    where labels[key]?.stringValue != wanted.stringValue {
      return false
    }
    let required = pod[
      path: ["spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]]
    guard let terms = required?["nodeSelectorTerms"]?.arrayValue else { return true }
    // Terms are alternatives; an empty term matches no node.
    return terms.contains { matches(term: $0, node: node) }
  }

  static func matches(term: JSON, node: JSON) -> Bool {
    let expressions = term["matchExpressions"]?.arrayValue ?? []
    let fields = term["matchFields"]?.arrayValue ?? []
    guard !expressions.isEmpty || !fields.isEmpty else { return false }
    let labels = node[path: ["metadata", "labels"]]?.objectValue ?? [:]
    let name = node[path: ["metadata", "name"]]?.stringValue
    return expressions.allSatisfy { matches($0, value: labels[$0["key"]?.stringValue ?? ""]?.stringValue) }
      && fields.allSatisfy { $0["key"]?.stringValue == "metadata.name" && matches($0, value: name) }
  }

  /// One requirement against the node's value for its key (nil when the node lacks the key).
  static func matches(_ requirement: JSON, value: String?) -> Bool {
    let values = (requirement["values"]?.arrayValue ?? []).compactMap(\.stringValue)
    switch requirement["operator"]?.stringValue {
    case "In": return value.map(values.contains) ?? false
    case "NotIn": return value.map { !values.contains($0) } ?? true
    case "Exists": return value != nil
    case "DoesNotExist": return value == nil
    case "Gt", "Lt":
      guard let value, let number = Int(value), values.count == 1, let bound = Int(values[0]) else { return false }
      return requirement["operator"]?.stringValue == "Gt" ? number > bound : number < bound
    default: return false
    }
  }
}
