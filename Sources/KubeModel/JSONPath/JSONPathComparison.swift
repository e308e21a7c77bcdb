/// The comparisons of filter expressions, with the typing rules of Go's text/template `eq`/`lt`
/// family that kubectl uses: integers compare with integers, floats with floats, and mixing them is
/// an error (`1` in a template is an integer; `1.0` is a float).
enum JSONPathComparison {
  private enum Operand {
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
  }

  static func holds(_ left: JSON, _ op: String, _ right: JSON) throws -> Bool {
    switch op {
    case "==": return try equal(left, right)
    case "!=": return try !equal(left, right)
    case "<": return try less(left, right)
    case "<=": return try lessOrEqual(left, right)
    case ">": return try !lessOrEqual(left, right)
    case ">=": return try !less(left, right)
    default: throw JSONPathError.executing("unrecognized filter operator \(op)")
    }
  }

  private static func operands(_ left: JSON, _ right: JSON) throws -> (Operand, Operand) {
    let lhs = try operand(left)
    let rhs = try operand(right)
    switch (lhs, rhs) {
    case (.bool, .bool), (.int, .int), (.float, .float), (.string, .string): return (lhs, rhs)
    default: throw JSONPathError.executing("incompatible types for comparison")
    }
  }

  private static func operand(_ value: JSON) throws -> Operand {
    switch value {
    case .bool(let bool): return .bool(bool)
    case .int(let int): return .int(int)
    case .double(let double): return .float(double)
    case .string(let string): return .string(string)
    case .null, .array, .object: throw JSONPathError.executing("invalid type for comparison")
    }
  }

  private static func equal(_ left: JSON, _ right: JSON) throws -> Bool {
    switch try operands(left, right) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
    default: return false
    }
  }

  private static func less(_ left: JSON, _ right: JSON) throws -> Bool {
    switch try operands(left, right) {
    case (.int(let a), .int(let b)): return a < b
    case (.float(let a), .float(let b)): return a < b
    case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
    default: throw JSONPathError.executing("invalid type for comparison")
    }
  }

  private static func lessOrEqual(_ left: JSON, _ right: JSON) throws -> Bool {
    try less(left, right) || equal(left, right)
  }
}
