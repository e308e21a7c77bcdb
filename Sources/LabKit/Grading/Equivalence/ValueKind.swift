import KubeModel

/// What an answer names, when it matters for comparing spellings: an image is compared as an image
/// reference; any other text by the shape-based rules of `AnswerEquivalence`.
public enum ValueKind: Hashable, Sendable {
  case text
  /// An image; `tagRequired` when the question asks for the tag (`as: tagged-image`).
  case image(tagRequired: Bool)
  /// Items separated by commas, in any order (`as: list`): a computed answer that reads a flag
  /// holding several values, such as `--listen-client-urls`.
  case list

  /// The values a grader may write after `as:`.
  static let names: [String: ValueKind] = [
    "text": .text, "image": .image(tagRequired: false), "tagged-image": .image(tagRequired: true), "list": .list,
  ]

  /// An image when the template reads a field named `image` (`{.spec.containers[0].image}`).
  static func inferred(from template: JSONPathTemplate) -> ValueKind {
    readsImage(template) ? .image(tagRequired: false) : .text
  }

  static func readsImage(_ template: JSONPathTemplate) -> Bool {
    var text = template.text.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("}") { text.removeLast() }
    return text.hasSuffix(".image")
  }
}
