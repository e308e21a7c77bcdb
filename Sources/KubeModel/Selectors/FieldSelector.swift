/// A field selector (`--field-selector` / `fieldSelector=`): `field=value`, `field==value` and
/// `field!=value` terms joined by commas, all of which must hold. In values, `\,` `\=` and `\\`
/// escape a comma, an equals sign and a backslash.
public struct FieldSelector: Equatable, Hashable, Sendable, CustomStringConvertible {
  public struct Requirement: Equatable, Hashable, Sendable, CustomStringConvertible {
    public enum Operator: String, Sendable {
      /// `=` or `==`.
      case equals = "="
      case notEquals = "!="
    }

    public let field: String
    public let `operator`: Operator
    /// The value with escapes removed.
    public let value: String

    public init(field: String, operator: Operator, value: String) {
      self.field = field
      self.operator = `operator`
      self.value = value
    }

    /// A field that is absent reads as the empty string, as apimachinery's `fields.Set` does.
    public func matches(_ lookup: (String) -> String?) -> Bool {
      let actual = lookup(field) ?? ""
      return `operator` == .equals ? actual == value : actual != value
    }

    public var description: String { field + `operator`.rawValue + FieldSelector.escape(value) }
  }

  /// The terms, in the order apimachinery sorts them (by their text as written).
  public let requirements: [Requirement]

  public static let everything = FieldSelector(requirements: [])

  public init(requirements: [Requirement]) {
    self.requirements = requirements
  }

  /// Parses selector text as `fields.ParseSelector` does; an empty string selects everything.
  public init(parsing text: String) throws {
    let terms = FieldSelector.splitTerms(text).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var requirements: [Requirement] = []
    for term in terms where !term.isEmpty {
      guard let (field, op, rawValue) = FieldSelector.splitTerm(term) else {
        throw SelectorError("invalid selector: '\(text)'; can't understand '\(term)'")
      }
      requirements.append(Requirement(field: field, operator: op, value: try FieldSelector.unescape(rawValue)))
    }
    self.init(requirements: requirements)
  }

  public var isEmpty: Bool { requirements.isEmpty }

  /// Whether an object matches; `lookup` gives the value of a field such as `metadata.name`.
  public func matches(_ lookup: (String) -> String?) -> Bool {
    requirements.allSatisfy { $0.matches(lookup) }
  }

  /// Whether an object with these field values matches.
  public func matches(fields: [String: String]) -> Bool {
    matches { fields[$0] }
  }

  public var description: String { requirements.map(\.description).joined(separator: ",") }

  /// Escapes a value for use in selector text.
  public static func escape(_ value: String) -> String {
    var result = ""
    for character in value {
      switch character {
      case "\\": result += "\\\\"
      case ",": result += "\\,"
      case "=": result += "\\="
      default: result.append(character)
      }
    }
    return result
  }

  /// Splits at commas that are not escaped; escapes stay in the terms.
  private static func splitTerms(_ text: String) -> [String] {
    if text.isEmpty { return [] }
    var terms: [String] = []
    var current = ""
    var escaped = false
    for scalar in text.unicodeScalars {
      if escaped {
        escaped = false
      } else if scalar == "\\" {
        escaped = true
      } else if scalar == "," {
        terms.append(current)
        current = ""
        continue
      }
      current.unicodeScalars.append(scalar)
    }
    terms.append(current)
    return terms
  }

  /// Splits a term at its first operator, trying `!=`, then `==`, then `=` at each position.
  private static func splitTerm(_ term: String) -> (String, Requirement.Operator, String)? {
    let scalars = Array(term.unicodeScalars)
    func text(_ range: Range<Int>) -> String {
      var result = ""
      result.unicodeScalars.append(contentsOf: scalars[range])
      return result
    }
    for index in scalars.indices {
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      switch (scalars[index], next) {
      case ("!", "="): return (text(0..<index), .notEquals, text((index + 2)..<scalars.count))
      case ("=", "="): return (text(0..<index), .equals, text((index + 2)..<scalars.count))
      case ("=", _): return (text(0..<index), .equals, text((index + 1)..<scalars.count))
      default: continue
      }
    }
    return nil
  }

  private static func unescape(_ value: String) throws -> String {
    var result = ""
    var escaped = false
    for scalar in value.unicodeScalars {
      if escaped {
        guard scalar == "\\" || scalar == "," || scalar == "=" else {
          throw SelectorError("invalid field selector: invalid escape sequence: \\\(scalar)")
        }
        result.unicodeScalars.append(scalar)
        escaped = false
        continue
      }
      switch scalar {
      case "\\": escaped = true
      case ",", "=": throw SelectorError("invalid field selector: unescaped character in value: \(scalar.value)")
      default: result.unicodeScalars.append(scalar)
      }
    }
    if escaped { throw SelectorError("invalid field selector: invalid escape sequence: \\") }
    return result
  }
}
