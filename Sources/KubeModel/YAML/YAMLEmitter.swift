/// Writes JSON as block YAML the way `kubectl get -o yaml` prints it (go-yaml v2): two-space
/// indentation, members in the object's order, sequence dashes at their parent key's indentation,
/// `{}` and `[]` for empty collections, and strings quoted only when they must be.
///
/// One difference from go-yaml, which still reads back to the same JSON: keys with line breaks or
/// over 128 characters are written as simple (double-quoted) keys, not as `? ` complex keys.
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
      writeString(key, isKey: true, blockIndent: indent + 2)
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
    case .string(let string): writeString(string, isKey: false, blockIndent: blockIndent)
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

  private mutating func writeString(_ text: String, isKey: Bool, blockIndent: Int) {
    switch YAMLStringStyle(for: text, isKey: isKey) {
    case .plain: writeFolding(text, quote: nil, indent: blockIndent, allowBreaks: !isKey)
    case .singleQuoted: writeFolding(text, quote: "'", indent: blockIndent, allowBreaks: !isKey)
    case .doubleQuoted: writeFolding(text, quote: "\"", indent: blockIndent, allowBreaks: !isKey)
    case .literal: writeLiteral(text, indent: blockIndent)
    }
  }

  /// A plain or quoted scalar, folded as libyaml folds it: once a line passes 80 columns, the next
  /// single space between words becomes a line break indented to `indent` (in double quotes, a
  /// `\` keeps a following space). Keys are never folded.
  private mutating func writeFolding(_ text: String, quote: Character?, indent: Int, allowBreaks: Bool) {
    if let quote { output.append(quote) }
    var column = output.unicodeScalars.reversed().prefix(while: { $0 != "\n" }).count
    let scalars = Array(text.unicodeScalars)
    var afterSpace = false
    for (index, scalar) in scalars.enumerated() {
      guard scalar == " " else {
        let piece = quote == "\"" ? Self.escaped(scalar) : quote == "'" && scalar == "'" ? "''" : String(scalar)
        output += piece
        column += piece.unicodeScalars.count
        afterSpace = false
        continue
      }
      let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
      let inside = quote == nil || (index > 0 && index < scalars.count - 1)
      if allowBreaks && !afterSpace && column > Self.lineWidth && inside && (quote == "\"" || !nextIsSpace) {
        output += "\n" + String(repeating: " ", count: indent)
        column = indent
        if nextIsSpace {
          output += "\\"
          column += 1
        }
      } else {
        output += " "
        column += 1
      }
      afterSpace = true
    }
    if let quote { output.append(quote) }
  }

  private static let lineWidth = 80

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

  /// A character as double quotes need it: YAML's short escapes, `\x`, `\u` or `\U` for what
  /// libyaml does not print (controls, byte order marks, characters beyond the BMP).
  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\0": return "\\0"
    case "\u{07}": return "\\a"
    case "\u{08}": return "\\b"
    case "\t": return "\\t"
    case "\n": return "\\n"
    case "\u{0B}": return "\\v"
    case "\u{0C}": return "\\f"
    case "\r": return "\\r"
    case "\u{1B}": return "\\e"
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\u{85}": return "\\N"
    case "\u{2028}": return "\\L"
    case "\u{2029}": return "\\P"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        return "\\x" + hex(scalar.value, digits: 2)
      } else if scalar.value == 0xFEFF || (0xFFFE...0xFFFF).contains(scalar.value) {
        return "\\u" + hex(scalar.value, digits: 4)
      } else if scalar.value > 0xFFFF {
        return "\\U" + hex(scalar.value, digits: 8)
      }
      return String(scalar)
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
