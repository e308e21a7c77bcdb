import KubeModel

extension YAMLNode {
  /// What the node is, worded for "expected …, found …" messages.
  var typeDescription: String {
    switch kind {
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .scalar:
      switch try? json {
      case .null?: return "null"
      case .bool?: return "a boolean"
      case .int?, .double?: return "a number"
      default: return "a string"
      }
    }
  }

  /// The text of a non-null scalar (numbers and booleans keep how they were written).
  var scalarText: String? {
    guard case .scalar(let text, _) = kind, (try? json) != .null else { return nil }
    return text
  }
}
