import Foundation
import KubeModel

/// What `kubectl get -o jsonpath=<template>` prints for one object, and how a check's comparison
/// judges it.
struct PrintedValue {
  /// The printed text.
  let text: String
  /// The values the template's expressions produced, each as kubectl prints it.
  let items: [String]
  /// Whether the template reads an image, which `equals` and `in` compare as images.
  let isImage: Bool

  /// Renders `template` on `object` as kubectl does (missing keys print nothing).
  init(_ template: JSONPathTemplate, on object: JSON) throws {
    let values = try template.values(object)
    text = try template.render(object)
    items = values.flatMap { $0.map(JSONPathTemplate.text(of:)) }
    isImage = ValueKind.readsImage(template)
  }

  /// The printed text is `expected`; for an image, the same image however spelt
  /// (`docker.io/library/nginx:latest` is `nginx`), the tag included.
  private func isEqual(to expected: String) -> Bool {
    if text == expected { return true }
    guard isImage, let found = ImageReference(text), let wanted = ImageReference(expected) else { return false }
    return found.isSame(as: wanted)
  }

  /// Nil when the comparison holds, else what is wrong (`is "2", expected "3"`).
  ///
  /// `contains` depends on what the template produced: when it yields several values
  /// (`{.spec.containers[*].name}`), one of them must equal the expected text, so `agent` does not
  /// pass for a container named `agentx`; for a single value it is a substring test
  /// (`.metadata.name` contains `web`).
  func problem(with comparison: ValueComparison) throws -> String? {
    let found = "is \(ValueText.quoted(text))"
    switch comparison {
    case .equals(let expected):
      return isEqual(to: expected) ? nil : "\(found), expected \(ValueText.quoted(expected))"
    case .in(let options):
      return options.contains(where: isEqual)
        ? nil : "\(found), expected one of \(options.map(ValueText.quoted).joined(separator: ", "))"
    case .contains(let part):
      let holds = items.count > 1 ? items.contains(part) : text.contains(part)
      return holds ? nil : "\(found), expected it to contain \(ValueText.quoted(part))"
    case .matches(let pattern):
      let expression = try NSRegularExpression(pattern: pattern)
      let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
      return found ? nil : "is \(ValueText.quoted(text)), expected it to match /\(pattern)/"
    case .greaterThan(let bound): return numeric("more than", bound) { $0 > bound }
    case .atLeast(let bound): return numeric("at least", bound) { $0 >= bound }
    case .lessThan(let bound): return numeric("less than", bound) { $0 < bound }
    case .atMost(let bound): return numeric("at most", bound) { $0 <= bound }
    }
  }

  private func numeric(_ relation: String, _ bound: Double, _ holds: (Double) -> Bool) -> String? {
    let expected = "expected \(relation) \(ValueText.number(bound))"
    guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
      let found = text.isEmpty ? "is empty" : "is \(ValueText.quoted(text))"
      return "\(found) (not a number), \(expected)"
    }
    return holds(number) ? nil : "is \(text), \(expected)"
  }
}
