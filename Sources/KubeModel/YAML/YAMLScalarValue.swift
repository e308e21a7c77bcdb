/// What a scalar means once resolved the way kubectl resolves it (go-yaml v2, YAML 1.1).
enum YAMLScalarValue: Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// An integer between Int64 and UInt64's limits: go-yaml yields a uint64, which kubectl's JSON
  /// decoding turns into a float64. Kept apart from `double` because it cannot be a mapping key.
  case largeInteger(Double)
  case double(Double)
  case string(String)
}

extension YAMLNode {
  /// A plain untagged scalar, or one tagged with the non-specific `!`: libyaml's "plain implicit",
  /// the only scalars go-yaml resolves without an explicit tag.
  var isPlainImplicit: Bool {
    guard case .scalar(_, let style) = kind else { return false }
    return (style == .plain && tag == nil) || tag == "!"
  }

  /// The resolved value of a scalar; nil for sequences and mappings.
  func scalarValue() throws -> YAMLScalarValue? {
    guard case .scalar(let text, _) = kind else { return nil }
    // Quoted and block scalars without a tag are strings whatever they contain.
    if tag == nil && !isPlainImplicit { return .string(text) }
    return try YAMLScalarResolver.resolve(text, tag: tag, at: position)
  }

  var isNullScalar: Bool { (try? scalarValue()) == YAMLScalarValue.null }
}
