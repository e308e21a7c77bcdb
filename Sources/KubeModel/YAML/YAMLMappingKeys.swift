extension YAMLNode {
  /// A `<<` key that merges other mappings in: plain and untagged, or tagged `!!merge`.
  var isMergeKey: Bool {
    guard case .scalar("<<", _) = kind else { return false }
    return isPlainImplicit || tag == YAMLScalarResolver.tagPrefix + "merge"
  }

  /// The mappings a merge key's value brings in, in the order they are applied (later ones win):
  /// go-yaml applies a sequence of mappings from last to first, so the first one listed wins.
  func mergeSources() throws -> [YAMLNode] {
    switch kind {
    case .mapping:
      return [self]
    case .sequence(let items) where items.allSatisfy({ if case .mapping = $0.kind { true } else { false } }):
      return items.reversed()
    default:
      throw YAMLError("map merge requires map or sequence of maps as the value", at: position)
    }
  }

  /// The JSON member name sigs.k8s.io/yaml makes of this mapping key: strings as they are, integers
  /// in decimal (`0x10` → "16"), booleans as "true"/"false" (`yes` → "true"), floats as Go prints a
  /// float32 (`1.5` → "1.5", `1e6` → "1e+06"). Null, huge-integer and collection keys are errors.
  func jsonKey() throws -> String {
    switch try scalarValue() {
    case .string(let text): return text
    case .int(let int): return String(int)
    case .bool(let bool): return bool ? "true" : "false"
    case .double(let double):
      let text = GoFloatFormat.shortest(double, float32: true)
      return ["+Inf": ".inf", "-Inf": "-.inf", "NaN": ".nan"][text] ?? text
    case .largeInteger: throw YAMLError("unsupported map key: an integer beyond 64 bits", at: position)
    case .null: throw YAMLError("unsupported map key: null", at: position)
    case nil: throw YAMLError("invalid map key: a sequence or mapping cannot be a key", at: position)
    }
  }
}
