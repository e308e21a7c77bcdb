/// How Go's fmt and strconv print values: kubectl's JSONPath output and error messages use them.
public enum GoFormat {
  /// A float as `fmt.Print` writes it: shortest digits, exponent form below 1e-4 or from 1e6 up
  /// (`strconv.FormatFloat(v, 'g', -1, 64)`).
  public static func float(_ value: Double) -> String {
    format(value, exponentForm: { $0 < -4 || $0 >= 6 }, minimumExponentDigits: 2)
  }

  /// A float as Go's encoding/json writes it: plain decimals, exponent form only below 1e-6 or
  /// from 1e21 up (`1e-7`, `1e+21`). Not finite values have no JSON form and become `null`.
  static func jsonFloat(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    return format(value, exponentForm: { $0 < -6 || $0 >= 21 }, minimumExponentDigits: 1)
  }

  /// Shortest round-trip digits laid out in plain or exponent form; `exponentForm` decides from the
  /// decimal exponent, and negative exponents keep at least `minimumExponentDigits` digits.
  private static func format(_ value: Double, exponentForm: (Int) -> Bool, minimumExponentDigits: Int) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
    let sign = value.sign == .minus ? "-" : ""
    let (digits, point) = shortestDigits(abs(value))
    if digits == "0" { return sign + "0" }
    let exponent = point - 1
    if exponentForm(exponent) {
      let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
      let magnitude = String(abs(exponent))
      let width = exponent < 0 ? minimumExponentDigits : 2
      let paddedExponent = String(repeating: "0", count: max(0, width - magnitude.count)) + magnitude
      return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(paddedExponent)"
    }
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
    if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
    return "\(sign)\(digits.prefix(point)).\(digits.dropFirst(point))"
  }

  /// The shortest decimal digits that round-trip `value` (non-negative) and the position of the
  /// decimal point relative to them, taken from Swift's own shortest representation.
  private static func shortestDigits(_ value: Double) -> (digits: String, point: Int) {
    let text = value.description
    let parts = text.split(separator: "e", maxSplits: 1)
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var digits = String(mantissa[0]) + (mantissa.count > 1 ? String(mantissa[1]) : "")
    var point = mantissa[0].count + exponent
    while digits.count > 1 && digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    return (digits, point)
  }

  /// A JSON value as `fmt.Print` writes the `interface{}` kubectl decoded it into.
  static func value(_ value: JSON) -> String {
    switch value {
    case .null: return "<nil>"
    case .bool(let bool): return bool ? "true" : "false"
    case .int(let int): return String(int)
    case .double(let double): return float(double)
    case .string(let string): return string
    case .array(let array): return "[" + array.map(GoFormat.value).joined(separator: " ") + "]"
    case .object(let object):
      let members = object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      return "map[" + members.map { "\($0.key):\(GoFormat.value($0.value))" }.joined(separator: " ") + "]"
    }
  }

  /// The Go type kubectl's decoded value has, as `%v` of its reflect.Type prints it.
  static func typeName(_ value: JSON) -> String {
    switch value {
    case .null: return "interface {}"
    case .bool: return "bool"
    case .int: return "int64"
    case .double: return "float64"
    case .string: return "string"
    case .array: return "[]interface {}"
    case .object: return "map[string]interface {}"
    }
  }

  /// A string as Go's `%q` prints it (the common escapes; other characters as they are).
  public static func quoted(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case "\u{07}": result += "\\a"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\u{0B}": result += "\\v"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\x" + (hex.count < 2 ? "0" : "") + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A character as Go's `%#U` verb prints it: `U+0021 '!'`, without the quoted form when unprintable.
  static func unicodeDescription(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
      return code
    case .spaceSeparator where scalar != " ":
      return code
    default:
      return "\(code) '\(Character(scalar))'"
    }
  }

  /// Unquotes a single- or double-quoted literal with Go's escapes (`strconv.UnquoteChar`); nil when
  /// the literal is malformed.
  static func unquote(_ literal: String) -> String? {
    let scalars = Array(literal.unicodeScalars)
    guard scalars.count >= 2, let quote = scalars.first, quote == scalars.last, quote == "\"" || quote == "'"
    else { return nil }
    let body = scalars[1..<(scalars.count - 1)]
    if !body.contains("\\") && !body.contains(quote) {
      var result = ""
      result.unicodeScalars.append(contentsOf: body)
      return result
    }
    var bytes: [UInt8] = []
    var index = body.startIndex
    func hexValue(count: Int) -> UInt32? {
      guard body.endIndex - index >= count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<count {
        guard let digit = hexDigit(body[index]) else { return nil }
        value = value * 16 + digit
        index += 1
      }
      return value
    }
    while index < body.endIndex {
      let scalar = body[index]
      index += 1
      if scalar == quote { return nil }
      guard scalar == "\\" else {
        bytes.append(contentsOf: String(scalar).utf8)
        continue
      }
      guard index < body.endIndex else { return nil }
      let escape = body[index]
      index += 1
      switch escape {
      case "a": bytes.append(0x07)
      case "b": bytes.append(0x08)
      case "f": bytes.append(0x0C)
      case "n": bytes.append(0x0A)
      case "r": bytes.append(0x0D)
      case "t": bytes.append(0x09)
      case "v": bytes.append(0x0B)
      case "\\": bytes.append(0x5C)
      case "'", "\"":
        guard escape == quote else { return nil }
        bytes.append(UInt8(escape.value))
      case "x":
        guard let value = hexValue(count: 2) else { return nil }
        bytes.append(UInt8(value))
      case "u", "U":
        guard let value = hexValue(count: escape == "u" ? 4 : 8), let decoded = Unicode.Scalar(value) else {
          return nil
        }
        bytes.append(contentsOf: String(decoded).utf8)
      case "0"..."7":
        var value = escape.value - 0x30
        for _ in 0..<2 {
          guard index < body.endIndex, ("0"..."7").contains(body[index]) else { return nil }
          value = value * 8 + body[index].value - 0x30
          index += 1
        }
        guard value <= 255 else { return nil }
        bytes.append(UInt8(value))
      default:
        return nil
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 0x30
    case "a"..."f": return scalar.value - 0x61 + 10
    case "A"..."F": return scalar.value - 0x41 + 10
    default: return nil
    }
  }
}
