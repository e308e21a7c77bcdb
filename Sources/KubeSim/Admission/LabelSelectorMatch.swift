import KubeModel

/// matchExpressions of a LabelSelector against a set of labels.
enum LabelSelectorMatch {
  static func matchesExpressions(_ selector: JSON, _ labels: JSONObject) -> Bool {
    for expression in selector["matchExpressions"]?.arrayValue ?? [] {
      let key = expression["key"]?.stringValue ?? ""
      let values = Set((expression["values"]?.arrayValue ?? []).compactMap(\.stringValue))
      let value = labels[key]?.stringValue
      switch expression["operator"]?.stringValue {
      case "In": if value == nil || !values.contains(value!) { return false }
      case "NotIn": if let value, values.contains(value) { return false }
      case "Exists": if value == nil { return false }
      case "DoesNotExist": if value != nil { return false }
      default: return false
      }
    }
    return true
  }
}
