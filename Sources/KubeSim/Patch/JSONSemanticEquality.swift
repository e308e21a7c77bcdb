import KubeModel

extension JSON {
  /// Equality as JSON means it: object members in any order, and 1 equal to 1.0. Patches compare
  /// values this way (a JSON patch `test`, merge keys, sets of primitives).
  func isSemanticallyEqual(to other: JSON) -> Bool {
    switch (self, other) {
    case (.object(let left), .object(let right)):
      guard left.count == right.count else { return false }
      return left.allSatisfy { key, value in right[key].map(value.isSemanticallyEqual(to:)) ?? false }
    case (.array(let left), .array(let right)):
      return left.count == right.count && zip(left, right).allSatisfy { $0.isSemanticallyEqual(to: $1) }
    case (.int, .double), (.double, .int):
      return doubleValue == other.doubleValue
    default:
      return self == other
    }
  }
}
