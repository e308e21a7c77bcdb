import KubeModel

/// Taints keep pods off a node unless the pod tolerates them.
enum TaintToleration {
  /// The first taint that forbids scheduling (NoSchedule or NoExecute) the pod does not tolerate.
  static func untoleratedTaint(pod: JSON, node: JSON) -> JSON? {
    let tolerations = pod[path: ["spec", "tolerations"]]?.arrayValue ?? []
    return (node[path: ["spec", "taints"]]?.arrayValue ?? []).first { taint in
      let effect = taint["effect"]?.stringValue
      guard effect == "NoSchedule" || effect == "NoExecute" else { return false }
      return !tolerations.contains { tolerates($0, taint) }
    }
  }

  static func tolerates(_ toleration: JSON, _ taint: JSON) -> Bool {
    if let effect = toleration["effect"]?.stringValue, !effect.isEmpty, effect != taint["effect"]?.stringValue {
      return false
    }
    let key = toleration["key"]?.stringValue ?? ""
    switch toleration["operator"]?.stringValue ?? "Equal" {
    case "Exists": return key.isEmpty || key == taint["key"]?.stringValue
    case "Equal":
      return key == taint["key"]?.stringValue
        && (toleration["value"]?.stringValue ?? "") == (taint["value"]?.stringValue ?? "")
    default: return false
    }
  }
}
