/// Label maps and label selectors as the printers show them.
///
/// Kept private to the printers on purpose: it only renders, it never parses or matches, so it can be
/// replaced by the shared selector model once KubeModel has one.
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
  /// `app=web,tier in (a,b),!legacy`; nil when an expression is malformed.
  static func requirements(_ selector: PrintedObject) -> String? {
    var requirements: [(key: String, text: String)] = selector["matchLabels"].members.map {
      (key: $0.key, text: "\($0.key)=\($0.value.string)")
    }
    for expression in selector["matchExpressions"].items {
      let key = expression["key"].string
      let values = expression["values"].items.map(\.string).sorted()
      switch expression["operator"].string {
      case "In" where !values.isEmpty:
        requirements.append((key, "\(key) in (\(values.joined(separator: ",")))"))
      case "NotIn" where !values.isEmpty:
        requirements.append((key, "\(key) notin (\(values.joined(separator: ",")))"))
      case "Exists" where values.isEmpty:
        requirements.append((key, key))
      case "DoesNotExist" where values.isEmpty:
        requirements.append((key, "!\(key)"))
      default:
        return nil
      }
    }
    // A stable sort keeps matchLabels before expressions on the same key, as the Go selector does.
    let sorted = requirements.enumerated().sorted {
      ($0.element.key, $0.offset) < ($1.element.key, $1.offset)
    }
    return sorted.map(\.element.text).joined(separator: ",")
  }
}
