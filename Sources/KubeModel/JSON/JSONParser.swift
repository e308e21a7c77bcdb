/// A problem in JSON text, with the 1-based line and column where it was found.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var line: Int
  public var column: Int

  public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSON {
  /// Parses JSON text. Integers that fit in `Int` stay exact; other numbers become doubles.
  public init(parsing text: String) throws {
    var text = text
    self = try text.withUTF8 { bytes in
      var parser = JSONParser(bytes: bytes)
      return try parser.parseDocument()
    }
  }

  public init<Bytes: Collection>(parsing bytes: Bytes) throws where Bytes.Element == UInt8 {
    let array = Array(bytes)
    self = try array.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer)
      return try parser.parseDocument()
    }
  }
}

/// A recursive-descent parser over UTF-8 bytes.
struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var offset = 0
  var depth = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func parseDocument() throws -> JSON {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    if offset < bytes.count { throw error("unexpected text after the JSON value") }
    return value
  }

  private mutating func parseValue() throws -> JSON {
    guard offset < bytes.count else { throw error("unexpected end of input") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[offset])))'")
    }
  }

  private mutating func parseObject() throws -> JSON {
    try enterContainer()
    offset += 1
    var object = JSONObject()
    skipWhitespace()
    if peek(UInt8(ascii: "}")) {
      offset += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard peek(UInt8(ascii: "\"")) else { throw error("expected a string key") }
      let key = try parseString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      object[key] = try parseValue()
      skipWhitespace()
      if peek(UInt8(ascii: ",")) {
        offset += 1
        continue
      }
      try expect(UInt8(ascii: "}"))
      depth -= 1
      return .object(object)
    }
  }

  private mutating func parseArray() throws -> JSON {
    try enterContainer()
    offset += 1
    var array: [JSON] = []
    skipWhitespace()
    if peek(UInt8(ascii: "]")) {
      offset += 1
      depth -= 1
      return .array(array)
    }
    while true {
      skipWhitespace()
      array.append(try parseValue())
      skipWhitespace()
      if peek(UInt8(ascii: ",")) {
        offset += 1
        continue
      }
      try expect(UInt8(ascii: "]"))
      depth -= 1
      return .array(array)
    }
  }

  private mutating func enterContainer() throws {
    depth += 1
    if depth > 512 { throw error("nesting deeper than 512 levels") }
  }

  private mutating func parseString() throws -> String {
    offset += 1
    var runStart = offset
    var result = ""
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        result += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]), as: UTF8.self)
        offset += 1
        return result
      }
      if byte < 0x20 { throw error("control character in string") }
      if byte == UInt8(ascii: "\\") {
        result += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]), as: UTF8.self)
        offset += 1
        guard offset < bytes.count else { break }
        let escape = bytes[offset]
        offset += 1
        switch escape {
        case UInt8(ascii: "\""): result += "\""
        case UInt8(ascii: "\\"): result += "\\"
        case UInt8(ascii: "/"): result += "/"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if (0xD800..<0xDC00).contains(code), peek(UInt8(ascii: "\\")), offset + 1 < bytes.count,
            bytes[offset + 1] == UInt8(ascii: "u")
          {
            offset += 2
            let low = try parseHex4()
            if (0xDC00..<0xE000).contains(low) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
              result.unicodeScalars.append(Unicode.Scalar(0xFFFD)!)
              code = low
            }
          }
          result.unicodeScalars.append(Unicode.Scalar(code) ?? Unicode.Scalar(0xFFFD)!)
        default: throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
        runStart = offset
        continue
      }
      offset += 1
    }
    throw error("unterminated string")
  }

  private mutating func parseHex4() throws -> UInt32 {
    guard offset + 4 <= bytes.count else { throw error("short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid hex digit in \\u escape")
      }
      value = value * 16 + UInt32(digit)
      offset += 1
    }
    return value
  }

  private mutating func parseNumber() throws -> JSON {
    let start = offset
    var isInteger = true
    if peek(UInt8(ascii: "-")) { offset += 1 }
    guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number") }
    while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    if peek(UInt8(ascii: ".")) {
      isInteger = false
      offset += 1
      guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number") }
      while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      isInteger = false
      offset += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { offset += 1 }
      guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number") }
      while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw error("invalid number") }
    return .double(value)
  }

  private mutating func parseLiteral(_ word: String, _ value: JSON) throws -> JSON {
    for byte in word.utf8 {
      guard offset < bytes.count, bytes[offset] == byte else { throw error("invalid literal, expected \(word)") }
      offset += 1
    }
    return value
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private func peek(_ byte: UInt8) -> Bool { offset < bytes.count && bytes[offset] == byte }

  private mutating func expect(_ byte: UInt8) throws {
    guard peek(byte) else {
      throw offset < bytes.count
        ? error("expected '\(Character(Unicode.Scalar(byte)))'") : error("unexpected end of input")
    }
    offset += 1
  }

  private mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): offset += 1
      default: return
      }
    }
  }

  private func error(_ message: String) -> JSONParseError {
    var line = 1
    var column = 1
    for index in 0..<min(offset, bytes.count) {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[index] & 0xC0 != 0x80 {
        column += 1
      }
    }
    return JSONParseError(message: message, line: line, column: column)
  }
}
