import KubeModel

/// The scheduler's filters for one pod on one node, in the order the real scheduler runs its
/// plugins; like it, the first failing filter decides the node's reasons.
enum NodeFit {
  /// Empty when the pod fits; `podsOnNode` are the pods already bound to the node.
  static func rejections(pod: JSON, node: JSON, podsOnNode: [JSON]) -> [NodeRejection] {
    let unschedulableTaint: JSON = ["key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"]
    if node[path: ["spec", "unschedulable"]]?.boolValue == true,
      !(pod[path: ["spec", "tolerations"]]?.arrayValue ?? []).contains(where: {
        TaintToleration.tolerates($0, unschedulableTaint)
      })
    {
      return [.unschedulable]
    }
    if let taint = TaintToleration.untoleratedTaint(pod: pod, node: node) {
      return [
        .untoleratedTaint(key: taint["key"]?.stringValue ?? "", value: taint["value"]?.stringValue ?? "")
      ]
    }
    if !NodeSelectorMatching.matches(pod: pod, node: node) { return [.affinityMismatch] }
    return insufficientResources(pod: pod, node: node, podsOnNode: podsOnNode)
  }

  static func insufficientResources(pod: JSON, node: JSON, podsOnNode: [JSON]) -> [NodeRejection] {
    let allocatable = node[path: ["status", "allocatable"]]?.objectValue ?? [:]
    let active = podsOnNode.filter {
      let phase = $0[path: ["status", "phase"]]?.stringValue
      return phase != "Succeeded" && phase != "Failed"
    }
    var rejections: [NodeRejection] = []
    if let podLimit = ResourceQuantity.value(allocatable["pods"]), Double(active.count + 1) > podLimit {
      rejections.append(.tooManyPods)
    }
    var used: [String: Double] = [:]
    for other in active {
      for (name, amount) in ResourceQuantity.requests(of: other) { used[name, default: 0] += amount }
    }
    for (name, amount) in ResourceQuantity.requests(of: pod).sorted(by: { $0.key < $1.key }) where amount > 0 {
      let available = ResourceQuantity.value(allocatable[name]) ?? 0
      if used[name, default: 0] + amount > available { rejections.append(.insufficient(name)) }
    }
    return rejections
  }
}
