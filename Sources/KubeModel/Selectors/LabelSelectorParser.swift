/// The label selector grammar of apimachinery's `labels.Parse`: a lexer over bytes and a
/// recursive-descent parser with the same error messages.
struct LabelSelectorParser {
  private enum Token: Equatable {
    case error, endOfString, closedPar, comma, doesNotExist, doubleEquals, equals, greaterThan, identifier
    case `in`, lessThan, notEquals, notIn, openPar
  }

  /// Where a token is read: `in` and `notin` are plain words where values are expected.
  private enum Context { case keyAndOperator, values }

  private static let keywords: [String: Token] = [
    ")": .closedPar, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals, ">": .greaterThan,
    "in": .in, "<": .lessThan, "!=": .notEquals, "notin": .notIn, "(": .openPar,
  ]

  private var items: [(token: Token, literal: String)] = []
  private var position = 0

  init(_ text: String) {
    items = Self.scan(Array(text.utf8))
  }

  mutating func parse() throws -> [LabelRequirement] {
    var requirements: [LabelRequirement] = []
    while true {
      let (token, literal) = lookahead(.values)
      switch token {
      case .identifier, .doesNotExist:
        do {
          requirements.append(try parseRequirement())
        } catch let error as SelectorError {
          throw SelectorError("unable to parse requirement: \(error.message)")
        }
        let (next, nextLiteral) = consume(.values)
        switch next {
        case .endOfString:
          return requirements
        case .comma:
          let (following, followingLiteral) = lookahead(.values)
          if following != .identifier && following != .doesNotExist {
            throw SelectorError("found '\(followingLiteral)', expected: identifier after ','")
          }
        default:
          throw SelectorError("found '\(nextLiteral)', expected: ',' or 'end of string'")
        }
      case .endOfString:
        return requirements
      default:
        throw SelectorError("found '\(literal)', expected: !, identifier, or 'end of string'")
      }
    }
  }

  private mutating func parseRequirement() throws -> LabelRequirement {
    let (key, inferred) = try parseKeyAndInferOperator()
    if let inferred { return try LabelRequirement(key: key, operator: inferred) }
    let op = try parseOperator()
    let values = op == .in || op == .notIn ? try parseValues() : try parseExactValue()
    let sortedValues = Set(values).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return try LabelRequirement(key: key, operator: op, values: sortedValues)
  }

  /// The key, and `exists`/`doesNotExist` when no binary operator follows it.
  private mutating func parseKeyAndInferOperator() throws -> (String, LabelRequirement.Operator?) {
    var op: LabelRequirement.Operator?
    var (token, literal) = consume(.values)
    if token == .doesNotExist {
      op = .doesNotExist
      (token, literal) = consume(.values)
    }
    guard token == .identifier else { throw SelectorError("found '\(literal)', expected: identifier") }
    let problems = LabelValidation.keyProblems(literal)
    if !problems.isEmpty {
      throw SelectorError(LabelValidation.invalid(path: "<nil>", value: literal, problems: problems))
    }
    let next = lookahead(.values).token
    if (next == .endOfString || next == .comma) && op == nil { op = .exists }
    return (literal, op)
  }

  private mutating func parseOperator() throws -> LabelRequirement.Operator {
    let (token, literal) = consume(.keyAndOperator)
    switch token {
    case .in: return .in
    case .equals: return .equals
    case .doubleEquals: return .doubleEquals
    case .greaterThan: return .greaterThan
    case .lessThan: return .lessThan
    case .notIn: return .notIn
    case .notEquals: return .notEquals
    default: throw SelectorError("found '\(literal)', expected: in, notin, =, ==, !=, gt, lt")
    }
  }

  private mutating func parseValues() throws -> [String] {
    let (open, openLiteral) = consume(.values)
    guard open == .openPar else { throw SelectorError("found '\(openLiteral)' expected: '('") }
    let (token, literal) = lookahead(.values)
    switch token {
    case .identifier, .comma:
      let values = try parseIdentifiersList()
      guard consume(.values).token == .closedPar else { throw SelectorError("found '\(literal)', expected: ')'") }
      return values
    case .closedPar:
      _ = consume(.values)
      return [""]
    default:
      throw SelectorError("found '\(literal)', expected: ',', ')' or identifier")
    }
  }

  /// Comma-separated values where any value may be empty: `(a,,b)`, `(,a)`, `(a,)`.
  private mutating func parseIdentifiersList() throws -> [String] {
    var values: [String] = []
    while true {
      let (token, literal) = consume(.values)
      switch token {
      case .identifier:
        values.append(literal)
        let (next, nextLiteral) = lookahead(.values)
        switch next {
        case .comma: continue
        case .closedPar: return values
        default: throw SelectorError("found '\(nextLiteral)', expected: ',' or ')'")
        }
      case .comma:
        if values.isEmpty { values.append("") }
        let next = lookahead(.values).token
        if next == .closedPar {
          values.append("")
          return values
        }
        if next == .comma {
          _ = consume(.values)
          values.append("")
        }
      default:
        throw SelectorError("found '\(literal)', expected: ',', or identifier")
      }
    }
  }

  private mutating func parseExactValue() throws -> [String] {
    let next = lookahead(.values).token
    if next == .endOfString || next == .comma { return [""] }
    let (token, literal) = consume(.values)
    guard token == .identifier else { throw SelectorError("found '\(literal)', expected: identifier") }
    return [literal]
  }

  private func lookahead(_ context: Context) -> (token: Token, literal: String) {
    Self.adjust(items[min(position, items.count - 1)], context)
  }

  private mutating func consume(_ context: Context) -> (token: Token, literal: String) {
    let item = items[min(position, items.count - 1)]
    position += 1
    return Self.adjust(item, context)
  }

  private static func adjust(_ item: (token: Token, literal: String), _ context: Context) -> (
    token: Token, literal: String
  ) {
    if context == .values && (item.token == .in || item.token == .notIn) { return (.identifier, item.literal) }
    return item
  }

  // MARK: - Lexer

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
  }

  private static func isSpecialSymbol(_ byte: UInt8) -> Bool {
    "=!(),><".utf8.contains(byte)
  }

  /// All tokens up to and including the end of the string (a NUL byte also ends it, as in Go).
  private static func scan(_ bytes: [UInt8]) -> [(token: Token, literal: String)] {
    var tokens: [(token: Token, literal: String)] = []
    var index = 0
    func current() -> UInt8 { index < bytes.count ? bytes[index] : 0 }
    while true {
      while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
      let byte = current()
      if byte == 0 {
        tokens.append((.endOfString, ""))
        return tokens
      }
      let start = index
      if isSpecialSymbol(byte) {
        // The longest run of symbols that is still an operator: `!=` rather than `!`.
        var matched: (token: Token, end: Int)?
        while current() != 0 && isSpecialSymbol(current()) {
          index += 1
          let text = String(decoding: bytes[start..<index], as: UTF8.self)
          if let token = keywords[text] {
            matched = (token, index)
          } else if matched != nil {
            break
          }
        }
        guard let matched else {
          let text = String(decoding: bytes[start..<index], as: UTF8.self)
          tokens.append((.error, "error expected: keyword found '\(text)'"))
          continue
        }
        index = matched.end
        tokens.append((matched.token, String(decoding: bytes[start..<index], as: UTF8.self)))
      } else {
        while current() != 0 && !isSpecialSymbol(current()) && !isWhitespace(current()) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        tokens.append((keywords[text] ?? .identifier, text))
      }
    }
  }
}
