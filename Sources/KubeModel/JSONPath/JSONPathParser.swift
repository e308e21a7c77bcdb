/// Parses kubectl's JSONPath template syntax into nodes, following the grammar of client-go's
/// `util/jsonpath` parser (including its quirks, so templates behave as they do in kubectl).
struct JSONPathParser {
  private let input: [Unicode.Scalar]
  private var pos = 0
  /// Where the input of this parser starts in the user's template, for error positions of sub-parses.
  private let origin: Int

  private init(_ text: [Unicode.Scalar], origin: Int) {
    self.input = text
    self.origin = origin
  }

  /// The top-level nodes of a template: `.text` runs and one `.list` per `{...}` action.
  static func parse(_ template: String) throws -> [JSONPathNode] {
    var parser = JSONPathParser(Array(template.unicodeScalars), origin: 0)
    return try parser.parseTemplate()
  }

  /// Parses `text` as if it were the inside of an action, as kubectl does for union members, quoted
  /// keys and filter operands; returns the first action's steps.
  private static func parseAction(_ text: String, origin: Int) throws -> JSONPathNode {
    var parser = JSONPathParser(Array("{\(text)}".unicodeScalars), origin: origin)
    let nodes = try parser.parseTemplate()
    return nodes.first ?? .list([])
  }

  private mutating func parseTemplate() throws -> [JSONPathNode] {
    var nodes: [JSONPathNode] = []
    var textStart = pos
    while pos < input.count {
      guard input[pos] == "{" else {
        pos += 1
        continue
      }
      if pos > textStart { nodes.append(.text(string(textStart..<pos))) }
      pos += 1
      nodes.append(.list(try parseInsideAction()))
      textStart = pos
    }
    if pos > textStart { nodes.append(.text(string(textStart..<pos))) }
    return nodes
  }

  private mutating func parseInsideAction() throws -> [JSONPathNode] {
    var nodes: [JSONPathNode] = []
    while true {
      if hasPrefix("}") {
        pos += 1
        return nodes
      }
      if hasPrefix("[?(") {
        nodes.append(try parseFilter())
        continue
      }
      if hasPrefix("..") {
        if nodes.last == .recursive { throw error("invalid multiple recursive descent") }
        pos += 2
        nodes.append(.recursive)
        if let next = peek(), isAlphaNumeric(next) { nodes.append(parseField()) }
        continue
      }
      guard let scalar = peek(), !isEndOfLine(scalar) else { throw error("unclosed action") }
      switch scalar {
      case " ", "@", "$":
        pos += 1  // spaces separate steps; `@` and `$` name the current value, which is implied
      case "[":
        nodes.append(try parseArray())
      case "\"", "'":
        nodes.append(try parseQuote())
      case ".":
        pos += 1
        nodes.append(parseField())
      case "+", "-":
        nodes.append(try parseNumber())
      case _ where isDigit(scalar):
        nodes.append(try parseNumber())
      case _ where isAlphaNumeric(scalar):
        nodes.append(parseIdentifier())
      default:
        throw error("unrecognized character in action: \(GoFormat.unicodeDescription(scalar))")
      }
    }
  }

  /// A word such as `range`, `end`, `true` or `false`.
  private mutating func parseIdentifier() -> JSONPathNode {
    let start = pos
    while let scalar = peek(), !isTerminator(scalar) { pos += 1 }
    let word = string(start..<pos)
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    default: return .identifier(word)
    }
  }

  private mutating func parseNumber() throws -> JSONPathNode {
    let start = pos
    if let sign = peek(), sign == "+" || sign == "-" { pos += 1 }
    while let scalar = peek(), scalar == "." || isDigit(scalar) { pos += 1 }
    let text = string(start..<pos)
    if let value = Int(text) { return .int(value) }
    if let value = Double(text) { return .float(value) }
    throw error("cannot parse number \(text)", at: start)
  }

  /// A field name after `.`, up to the next unescaped terminator; backslashes escape the next
  /// character (e.g. `.labels.app\.kubernetes\.io/name`) and are then dropped.
  private mutating func parseField() -> JSONPathNode {
    let start = pos
    while let scalar = peek() {
      if scalar == "\\" {
        pos = min(pos + 2, input.count)
      } else if isTerminator(scalar) {
        break
      } else {
        pos += 1
      }
    }
    let name = string(start..<pos)
    if name == "*" { return .wildcard }
    return .field(String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "\\" })))
  }

  /// `[...]`: a union (`[a,b]`), a quoted key (`['a.b']`) or a slice (`[1:-1:2]`, `[*]`).
  private mutating func parseArray() throws -> JSONPathNode {
    let open = pos
    pos += 1
    while true {
      guard let scalar = next(), scalar != "\n" else { throw error("unterminated array", at: open) }
      if scalar == "]" { break }
    }
    var text = string((open + 1)..<(pos - 1))
    if text == "*" { text = ":" }

    let members = text.split(separator: ",", omittingEmptySubsequences: false)
    if members.count > 1 {
      let alternatives = try members.map { member in
        try JSONPathParser.parseAction("[\(member.trimmingSpaces())]", origin: origin + open)
      }
      return .union(alternatives)
    }

    if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'"), !text.dropFirst().dropLast().contains("'") {
      let key = String(text.dropFirst().dropLast())
      guard case .list(let steps) = try JSONPathParser.parseAction(".\(key)", origin: origin + open) else {
        return .list([])
      }
      return .list(steps)
    }

    guard let slice = try parseSlice(text, at: open) else {
      throw error("invalid array index \(text)", at: open)
    }
    return .slice(slice)
  }

  /// Reads `start:end:step` where each part is an optional signed integer; nil when the text has
  /// another shape.
  private func parseSlice(_ text: String, at offset: Int) throws -> JSONPathSlice? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 3 else { return nil }
    for part in parts {
      let digits = part.hasPrefix("-") ? part.dropFirst() : Substring(part)
      guard digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
    }
    func number(_ part: String) throws -> Int? {
      if part.isEmpty { return nil }
      guard let value = Int(part) else { throw error("array index \(part) is not a number", at: offset) }
      return value
    }
    var slice = JSONPathSlice()
    slice.start = try number(parts[0])
    if parts.count > 1 {
      slice.end = try number(parts[1])
    } else {
      slice.end = (slice.start ?? 0) &+ 1  // wraps like Go for the largest index
      slice.endIsDerived = true
    }
    if parts.count > 2 { slice.step = try number(parts[2]) }
    return slice
  }

  /// `[?(left op right)]` or `[?(left)]`. The condition ends at the first `)` outside the first
  /// pair of quotes, as kubectl scans it.
  private mutating func parseFilter() throws -> JSONPathNode {
    let open = pos
    pos += 3
    let conditionStart = pos
    var quote: Unicode.Scalar?
    var quoteClosed = false
    scan: while true {
      guard let scalar = next(), scalar != "\n" else { throw error("unterminated filter", at: open) }
      switch scalar {
      case "\"", "'":
        if quote == nil {
          quote = scalar
        } else if scalar == quote && input[pos - 2] != "\\" {
          quoteClosed = true
        }
      case ")":
        if (quote != nil) == quoteClosed { break scan }
      default:
        break
      }
    }
    guard next() == "]" else { throw error("unclosed array expect ]", at: open) }
    let condition = string(conditionStart..<(pos - 2))
    let origin = self.origin + conditionStart - 1
    guard let (left, op, right) = splitComparison(condition) else {
      return .filter(left: try JSONPathParser.parseAction(condition, origin: origin), op: "exists", right: .list([]))
    }
    return .filter(
      left: try JSONPathParser.parseAction(left, origin: origin), op: op,
      right: try JSONPathParser.parseAction(right, origin: origin))
  }

  /// Splits `left op right` where `op` is the first run of `!<>=` characters; both sides non-empty.
  private func splitComparison(_ condition: String) -> (String, String, String)? {
    let scalars = Array(condition.unicodeScalars)
    let isOperator: (Unicode.Scalar) -> Bool = { "!<>=".unicodeScalars.contains($0) }
    guard let opStart = scalars.firstIndex(where: isOperator), opStart > 0 else { return nil }
    let opEnd = scalars[opStart...].firstIndex(where: { !isOperator($0) }) ?? scalars.count
    guard opEnd < scalars.count else { return nil }
    func text(_ range: Range<Int>) -> String {
      var result = ""
      result.unicodeScalars.append(contentsOf: scalars[range])
      return result
    }
    return (text(0..<opStart), text(opStart..<opEnd), text(opEnd..<scalars.count))
  }

  /// A string literal in single or double quotes, with Go's escapes.
  private mutating func parseQuote() throws -> JSONPathNode {
    let start = pos
    guard let quote = next() else { throw error("unterminated quoted string", at: start) }
    while true {
      guard let scalar = next(), scalar != "\n" else { throw error("unterminated quoted string", at: start) }
      if scalar == quote && input[pos - 2] != "\\" { break }
    }
    let literal = string(start..<pos)
    guard let value = GoFormat.unquote(literal) else {
      throw error("unquote string \(literal) error invalid syntax", at: start)
    }
    return .text(value)
  }

  // MARK: - Scanning

  private func peek() -> Unicode.Scalar? { pos < input.count ? input[pos] : nil }

  private mutating func next() -> Unicode.Scalar? {
    guard pos < input.count else { return nil }
    pos += 1
    return input[pos - 1]
  }

  private func hasPrefix(_ prefix: String) -> Bool {
    var index = pos
    for scalar in prefix.unicodeScalars {
      guard index < input.count, input[index] == scalar else { return false }
      index += 1
    }
    return true
  }

  private func string(_ range: Range<Int>) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: input[range])
    return result
  }

  private func error(_ message: String, at offset: Int? = nil) -> JSONPathError {
    .parsing(message, at: origin + (offset ?? pos))
  }

  private func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}": return true
    default: return false
    }
  }

  private func isEndOfLine(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || scalar == "\n" }

  private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .decimalNumber }

  private func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
      return true
    default:
      return scalar == "_"
    }
  }
}

extension StringProtocol {
  fileprivate func trimmingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }

}
