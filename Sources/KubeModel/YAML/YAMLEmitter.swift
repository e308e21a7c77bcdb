/// Writes JSON as block YAML the way `kubectl get -o yaml` prints it (go-yaml v2): two-space
/// indentation, members in the object's order, sequence dashes at their parent key's indentation,
/// `{}` and `[]` for empty collections, and strings quoted only when they must be.
///
/// Differences from go-yaml, which still read back to the same JSON: long lines are not folded at
/// 80 columns, and keys with line breaks are double-quoted instead of written as `? |-` complex keys.
struct YAMLEmitter {
  private(set) var output = ""

  mutating func emitDocument(_ value: JSON) {
    switch value {
    case .object(let object) where !object.isEmpty: writeMapping(object, indent: 0, continuingLine: false)
    case .array(let array) where !array.isEmpty: writeSequence(array, indent: 0, continuingLine: false)
    default: writeInline(value, blockIndent: 2)
    }
  }

  private mutating func writeMapping(_ object: JSONObject, indent: Int, continuingLine: Bool) {
    for (index, (key, value)) in object.enumerated() {
      if index > 0 || !continuingLine { output += String(repeating: " ", count: indent) }
      writeString(key, style: YAMLStringStyle(for: key, isKey: true), blockIndent: indent + 2)
      output += ":"
      switch value {
      case .object(let object) where !object.isEmpty:
        output += "\n"
        writeMapping(object, indent: indent + 2, continuingLine: false)
      case .array(let array) where !array.isEmpty:
        output += "\n"
        writeSequence(array, indent: indent, continuingLine: false)
      default:
        output += " "
        writeInline(value, blockIndent: indent + 2)
      }
    }
  }

  private mutating func writeSequence(_ array: [JSON], indent: Int, continuingLine: Bool) {
    for (index, item) in array.enumerated() {
      if index > 0 || !continuingLine { output += String(repeating: " ", count: indent) }
      output += "- "
      switch item {
      case .object(let object) where !object.isEmpty: writeMapping(object, indent: indent + 2, continuingLine: true)
      case .array(let array) where !array.isEmpty: writeSequence(array, indent: indent + 2, continuingLine: true)
      default: writeInline(item, blockIndent: indent + 2)
      }
    }
  }

  /// A scalar or empty collection and its line end; a literal block's lines go at `blockIndent`.
  private mutating func writeInline(_ value: JSON, blockIndent: Int) {
    switch value {
    case .null: output += "null"
    case .bool(let bool): output += bool ? "true" : "false"
    case .int(let int): output += String(int)
    case .double(let double): output += Self.number(double)
    case .string(let string):
      writeString(string, style: YAMLStringStyle(for: string, isKey: false), blockIndent: blockIndent)
    case .array: output += "[]"
    case .object: output += "{}"
    }
    if !output.hasSuffix("\n") { output += "\n" }
  }

  /// kubectl prints a number by writing it as Go's encoding/json does and reading that text back
  /// with go-yaml: whole numbers print as integers while they fit 64 bits (so `1.0` prints `1` and
  /// reads back as an integer), everything else as Go's shortest float (`0.5`, `1e+21`).
  private static func number(_ double: Double) -> String {
    if double.rounded() == double && abs(double) < 1e21, let text = GoFloatFormat.shortestFixed(double),
      Int(text) != nil || UInt64(text) != nil
    {
      return text
    }
    let text = GoFloatFormat.shortest(double, float32: false)
    return ["+Inf": ".inf", "-Inf": "-.inf", "NaN": ".nan"][text] ?? text
  }

  private mutating func writeString(_ text: String, style: YAMLStringStyle, blockIndent: Int) {
    switch style {
    case .plain: output += text
    case .singleQuoted: output += "'" + text.replacingAll("'", with: "''") + "'"
    case .doubleQuoted: writeDoubleQuoted(text)
    case .literal: writeLiteral(text, indent: blockIndent)
    }
  }

  /// `|` keeps one final line break, `|-` strips it, `|+` keeps several; an indentation digit is
  /// needed when the first line starts with a space or is empty.
  private mutating func writeLiteral(_ text: String, indent: Int) {
    output += "|"
    if text.first == " " || text.first == "\n" { output += "2" }
    if !text.hasSuffix("\n") {
      output += "-"
    } else if text == "\n" || text.hasSuffix("\n\n") {
      output += "+"
    }
    output += "\n"
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.hasSuffix("\n") { lines.removeLast() }
    let margin = String(repeating: " ", count: indent)
    for line in lines {
      output += line.isEmpty ? "\n" : margin + line + "\n"
    }
  }

  private mutating func writeDoubleQuoted(_ text: String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\0": output += "\\0"
      case "\u{07}": output += "\\a"
      case "\u{08}": output += "\\b"
      case "\t": output += "\\t"
      case "\n": output += "\\n"
      case "\u{0B}": output += "\\v"
      case "\u{0C}": output += "\\f"
      case "\r": output += "\\r"
      case "\u{1B}": output += "\\e"
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\u{85}": output += "\\N"
      case "\u{2028}": output += "\\L"
      case "\u{2029}": output += "\\P"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
          output += "\\x" + Self.hex(scalar.value, digits: 2)
        } else if scalar.value == 0xFEFF || (0xFFFE...0xFFFF).contains(scalar.value) {
          output += "\\u" + Self.hex(scalar.value, digits: 4)
        } else if scalar.value > 0xFFFF {
          output += "\\U" + Self.hex(scalar.value, digits: 8)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
