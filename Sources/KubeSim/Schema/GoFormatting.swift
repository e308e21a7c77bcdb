import KubeModel

/// Go's `fmt` renderings that appear verbatim in API server messages.
extension JSON {
  /// The value as Go's `%v` prints the `map[string]interface{}` the server decoded it into:
  /// `map[a:1 b:[x y] c:map[d:<nil>]]`, keys sorted, strings unquoted.
  public var goFormatted: String {
    switch self {
    case .null: return "<nil>"
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .double(let value): return goFormattedFloat(value)
    case .string(let value): return value
    case .array(let items): return "[" + items.map(\.goFormatted).joined(separator: " ") + "]"
    case .object(let members):
      let entries = members.keys.sorted().map { key in key + ":" + (members[key]?.goFormatted ?? "<nil>") }
      return "map[" + entries.joined(separator: " ") + "]"
    }
  }
}

/// A float64 as `%v` prints it: the shortest digits that round-trip, in exponent form when the
/// exponent is below -4 or at least 6 (`1e+06`, `123456`, `1e-05`, `0.0001`).
func goFormattedFloat(_ value: Double) -> String {
  guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
  if value == 0 { return value.sign == .minus ? "-0" : "0" }
  let sign = value < 0 ? "-" : ""
  // Swift's description has the same shortest digits, as `1234.5` or `1.5e-05`: take it apart
  // into significant digits and a decimal exponent, then lay them out as Go does.
  let parts = "\(abs(value))".split(separator: "e")
  let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
  let integerPart = String(mantissa[0])
  var digits = integerPart + (mantissa.count > 1 ? String(mantissa[1]) : "")
  var exponent = integerPart.count - 1 + (parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
  while digits.hasPrefix("0") && digits.count > 1 {
    digits.removeFirst()
    exponent -= 1
  }
  while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }

  if exponent < -4 || exponent >= 6 {
    let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
    let magnitude = String(abs(exponent))
    return sign + digits.prefix(1) + fraction + "e" + (exponent < 0 ? "-" : "+")
      + (magnitude.count < 2 ? "0" : "") + magnitude
  }
  if exponent < 0 {
    return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
  }
  if digits.count <= exponent + 1 {
    return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
  }
  return sign + digits.prefix(exponent + 1) + "." + digits.dropFirst(exponent + 1)
}

/// Quotes a string the way Go's `%q` does, so field names and values with quotes or control
/// characters appear in messages exactly as the real server writes them.
func goQuoted(_ text: String) -> String {
  var quoted = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": quoted += "\\\""
    case "\\": quoted += "\\\\"
    case "\u{07}": quoted += "\\a"
    case "\u{08}": quoted += "\\b"
    case "\u{0C}": quoted += "\\f"
    case "\n": quoted += "\\n"
    case "\r": quoted += "\\r"
    case "\t": quoted += "\\t"
    case "\u{0B}": quoted += "\\v"
    case _ where scalar.value < 0x20 || scalar.value == 0x7F:
      let hex = String(scalar.value, radix: 16)
      quoted += "\\x" + (hex.count < 2 ? "0" : "") + hex
    default: quoted.unicodeScalars.append(scalar)
    }
  }
  return quoted + "\""
}
