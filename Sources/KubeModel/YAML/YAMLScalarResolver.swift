#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Resolves scalar text by go-yaml v2's rules (resolve.go), which kubectl applies through
/// sigs.k8s.io/yaml: YAML 1.1 booleans (`yes`, `off`, `y`…), C-style integer prefixes with `_`
/// separators, no base-60 numbers, and timestamps kept as their text.
enum YAMLScalarResolver {
  static let tagPrefix = "tag:yaml.org,2002:"

  private static let table: [String: (tag: String, value: YAMLScalarValue)] = {
    var table: [String: (tag: String, value: YAMLScalarValue)] = [:]
    let groups: [(String, YAMLScalarValue, [String])] = [
      ("!!bool", .bool(true), ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]),
      ("!!bool", .bool(false), ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]),
      ("!!null", .null, ["", "~", "null", "Null", "NULL"]),
      ("!!float", .double(.nan), [".nan", ".NaN", ".NAN"]),
      ("!!float", .double(.infinity), [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]),
      ("!!float", .double(-.infinity), ["-.inf", "-.Inf", "-.INF"]),
    ]
    for (tag, value, spellings) in groups {
      for spelling in spellings { table[spelling] = (tag, value) }
    }
    return table
  }()

  /// `tag` is libyaml's full tag (`tag:yaml.org,2002:int`) or nil for an untagged plain scalar.
  static func resolve(_ text: String, tag: String?, at position: SourcePosition) throws -> YAMLScalarValue {
    let wanted = tag.map(shortTag)
    switch wanted {
    case nil, "!!bool", "!!int", "!!float", "!!null", "!!timestamp": break
    case "!!binary": return .string(try decodeBase64(text, at: position))
    default: return .string(text)  // `!!str`, custom and collection tags: go-yaml keeps the text
    }
    let (found, value) = implicitValue(text, timestampAllowed: wanted == nil || wanted == "!!timestamp")
    guard let wanted, wanted != found else { return value }
    if wanted == "!!float", case .int(let int) = value { return .double(Double(int)) }
    throw YAMLError("cannot decode \(found) `\(text)` as a \(wanted)", at: position)
  }

  static func shortTag(_ tag: String) -> String {
    tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
  }

  /// The tag and value an untagged plain scalar resolves to.
  static func implicitValue(_ text: String, timestampAllowed: Bool) -> (String, YAMLScalarValue) {
    guard let first = text.utf8.first else { return ("!!null", .null) }
    // go-yaml consults its table only for text starting with a character that may begin an entry
    // (so `<<` as a value is plain text: merge keys are recognised by their spelling alone).
    if "+-.0123456789yYnNtTfFoO~".utf8.contains(first), let known = table[text] { return known }
    switch first {
    case UInt8(ascii: "."):
      // Go's ParseFloat takes `_` between digits here too: `.5_0` is 0.5.
      let plain = String(text.filter { $0 != "_" })
      if underscoresSeparateDigits(text), isFloatSyntax(Substring(plain)), let double = Double(plain), double.isFinite {
        return ("!!float", .double(double))
      }
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if timestampAllowed && isTimestamp(text) { return ("!!timestamp", .string(text)) }
      let plain = String(text.filter { $0 != "_" })
      if let int = parseSigned(plain) { return ("!!int", .int(int)) }
      if let magnitude = parseUnsigned(Substring(plain)) { return ("!!int", .largeInteger(Double(magnitude))) }
      // Anything else numeric-looking must be a decimal float; a larger hex or octal number stays
      // text (kubectl 1.33 prints `0xFFFFFFFFFFFFFFFFFF` back as a string).
      if isFloatSyntax(Substring(plain)), let double = Double(plain), double.isFinite {
        return ("!!float", .double(double))
      }
    default:
      break
    }
    return ("!!str", .string(text))
  }

  /// Go's `strconv.ParseInt(text, 0, 64)`; nil when malformed or out of range.
  private static func parseSigned(_ text: String) -> Int? {
    var digits = Substring(text)
    let negative = digits.first == "-"
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    guard let magnitude = parseUnsigned(digits) else { return nil }
    if negative { return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil }
    return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
  }

  /// Go's `strconv.ParseUint(text, 0, 64)`: `0x`, `0o`, `0b` prefixes and a bare leading `0` for
  /// octal; nil when malformed or out of range.
  private static func parseUnsigned(_ text: Substring) -> UInt64? {
    guard let first = text.first, first != "+", first != "-" else { return nil }
    var radix: UInt64 = 10
    var digits = text
    if first == "0" {
      let prefixes: [String: UInt64] = ["b": 2, "o": 8, "x": 16]
      if text.count >= 3, let marker = text.dropFirst().first, let prefixed = prefixes[marker.lowercased()] {
        radix = prefixed
        digits = text.dropFirst(2)
      } else {
        radix = 8
        digits = text.dropFirst()
      }
    }
    var value: UInt64 = 0
    for character in digits {
      guard character.isASCII, let digit = character.hexDigitValue.map(UInt64.init), digit < radix else { return nil }
      let (shifted, overflowed) = value.multipliedReportingOverflow(by: radix)
      let (sum, carried) = shifted.addingReportingOverflow(digit)
      guard !overflowed, !carried else { return nil }
      value = sum
    }
    return value
  }

  /// Go's rule for `_` in numbers: each one sits between two digits.
  private static func underscoresSeparateDigits(_ text: String) -> Bool {
    let characters = Array(text)
    for (index, character) in characters.enumerated() where character == "_" {
      guard index > 0, index < characters.count - 1, characters[index - 1].isASCIIDigit,
        characters[index + 1].isASCIIDigit
      else { return false }
    }
    return true
  }

  /// go-yaml's float pattern `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
  private static func isFloatSyntax(_ text: Substring) -> Bool {
    var rest = text.utf8[...]
    func digitRun() -> Int {
      let count = rest.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count
      rest = rest.dropFirst(count)
      return count
    }
    if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
    if rest.first == UInt8(ascii: ".") {
      rest = rest.dropFirst()
      guard digitRun() > 0 else { return false }
    } else {
      guard digitRun() > 0 else { return false }
      if rest.first == UInt8(ascii: ".") {
        rest = rest.dropFirst()
        _ = digitRun()
      }
    }
    if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
      rest = rest.dropFirst()
      if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
      guard digitRun() > 0 else { return false }
    }
    return rest.isEmpty
  }

  /// The timestamp forms go-yaml accepts: `2001-12-14`, `2001-12-14T21:59:43.10Z` (or `t`, or an
  /// offset `+05:00`), and `2001-12-14 21:59:43.10` without a zone. Months and days may have one digit.
  static func isTimestamp(_ text: String) -> Bool {
    var rest = Substring(text)
    func number(_ digits: ClosedRange<Int>) -> Int? {
      let run = rest.prefix(while: \.isASCIIDigit)
      guard digits.contains(run.count) else { return nil }
      rest = rest.dropFirst(run.count)
      return Int(run)
    }
    func skip(_ character: Character) -> Bool {
      guard rest.first == character else { return false }
      rest = rest.dropFirst()
      return true
    }
    guard let year = number(4...4), skip("-"), let month = number(1...2), skip("-"), let day = number(1...2),
      (1...12).contains(month), (1...GregorianCalendar.daysIn(month: month, year: year)).contains(day)
    else { return false }
    guard let separator = rest.first else { return true }
    rest = rest.dropFirst()
    guard "Tt ".contains(separator), let hour = number(1...2), skip(":"), let minute = number(1...2), skip(":"),
      let second = number(1...2), hour < 24, minute < 60, second < 60
    else { return false }
    if skip(".") { guard number(1...Int.max) != nil else { return false } }
    if separator == " " { return rest.isEmpty }
    if skip("Z") { return rest.isEmpty }
    guard skip("+") || skip("-"), number(2...2) != nil, skip(":"), number(2...2) != nil else { return false }
    return rest.isEmpty
  }

  /// `!!binary` content, decoded as go-yaml does (line breaks ignored); the bytes become a string.
  private static func decodeBase64(_ text: String, at position: SourcePosition) throws -> String {
    let compact = text.filter { $0 != "\n" && $0 != "\r" }
    guard let data = Data(base64Encoded: compact) else {
      throw YAMLError("!!binary value contains invalid base64 data", at: position)
    }
    return String(decoding: data, as: UTF8.self)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
