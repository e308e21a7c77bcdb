extension JSON {
  /// Compact JSON text, escaped the way Go's encoding/json escapes it.
  public func serialized() -> String {
    var output = ""
    JSONWriter.write(self, to: &output, indent: nil, level: 0)
    return output
  }

  /// Indented JSON text (`indent` spaces a level), as `kubectl -o json` prints it.
  public func prettyPrinted(indent: Int = 4) -> String {
    var output = ""
    JSONWriter.write(self, to: &output, indent: String(repeating: " ", count: indent), level: 0)
    return output
  }
}

enum JSONWriter {
  static func write(_ value: JSON, to output: inout String, indent: String?, level: Int) {
    switch value {
    case .null: output += "null"
    case .bool(let bool): output += bool ? "true" : "false"
    case .int(let int): output += String(int)
    case .double(let double): output += format(double)
    case .string(let string): writeString(string, to: &output)
    case .array(let array):
      if array.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (index, element) in array.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, level: level + 1)
        write(element, to: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent: indent, level: level)
      output += "]"
    case .object(let object):
      if object.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, (key, element)) in object.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, level: level + 1)
        writeString(key, to: &output)
        output += indent == nil ? ":" : ": "
        write(element, to: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent: indent, level: level)
      output += "}"
    }
  }

  private static func newline(_ output: inout String, indent: String?, level: Int) {
    guard let indent else { return }
    output += "\n"
    for _ in 0..<level { output += indent }
  }

  /// Go's encoding/json form: whole floats without a fraction, exponents only outside [1e-6, 1e21).
  static func format(_ double: Double) -> String { GoFormat.jsonFloat(double) }

  static func writeString(_ string: String, to output: inout String) {
    output += "\""
    // Most strings (names, labels, images) need no escape: one append instead of one per scalar.
    if string.utf8.allSatisfy(standsForItself) {
      output += string
      output += "\""
      return
    }
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        output += unicodeEscape(scalar.value)
      default:
        if scalar.value < 0x20 {
          output += unicodeEscape(scalar.value)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }

  /// A UTF-8 byte that Go writes as it is. 0xE2 may start U+2028 or U+2029, which it escapes.
  private static func standsForItself(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
      && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&") && byte != 0xE2
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
