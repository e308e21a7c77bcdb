import KubeModel

/// Label maps and label selectors as the printers show them.
///
enum LabelFormatting {
  /// `labels.FormatLabels`: `k=v` pairs sorted by key, `<none>` for an empty map.
  static func labels(_ map: [String: String]) -> String {
    guard !map.isEmpty else { return "<none>" }
    return map.keys.sorted().map { "\($0)=\(map[$0] ?? "")" }.joined(separator: ",")
  }

  /// `metav1.FormatLabelSelector`: the selector's requirements, `<none>` when it selects everything or
  /// is absent, `<error>` when it is malformed.
  static func selector(_ selector: PrintedObject) -> String {
    guard let text = requirements(selector) else { return "<error>" }
    return text.isEmpty ? "<none>" : text
  }

  /// The selector's requirements as `labels.Selector.String()` writes them, sorted by key:
  /// `app=web,tier in (a,b),!legacy`; empty when absent, nil when an expression is malformed.
  static func requirements(_ selector: PrintedObject) -> String? {
    if selector.json.isNull { return "" }
    return (try? LabelSelector(json: selector.json))?.description
  }
}
