import Testing

@testable import KubeModel

@Suite("YAML scalar resolution (go-yaml v2 rules, as kubectl applies them)")
struct YAMLScalarResolutionTests {
  /// The value of `v` in a one-line document `v: <scalar>`.
  private func resolve(_ scalar: String) throws -> JSON? {
    let documents = try YAML.decodeJSON("v: \(scalar)\n")
    return documents.first?["v"]
  }

  static let booleansCases: [(String, Bool)] = [
    ("yes", true), ("Yes", true), ("YES", true), ("y", true), ("Y", true), ("on", true), ("On", true),
    ("ON", true), ("true", true), ("True", true), ("TRUE", true),
    ("no", false), ("No", false), ("NO", false), ("n", false), ("N", false), ("off", false), ("Off", false),
    ("OFF", false), ("false", false), ("False", false), ("FALSE", false),
  ]

  @Test("YAML 1.1 booleans in every spelling go-yaml accepts", arguments: booleansCases)
  func booleans(text: String, value: Bool) throws {
    #expect(try resolve(text) == .bool(value))
  }

  @Test("null spellings", arguments: ["~", "null", "Null", "NULL", ""])
  func nulls(text: String) throws {
    #expect(try resolve(text) == .null)
  }

  static let integersCases: [(String, Int)] = [
    ("0", 0), ("12", 12), ("-12", -12), ("+12", 12), ("-0", 0), ("1_000", 1000), ("1__0_", 10),
    ("0x1F", 31), ("0X1f", 31), ("-0x1F", -31), ("0x_1F", 31), ("0o17", 15), ("0O17", 15), ("017", 15),
    ("-017", -15), ("0b101", 5), ("-0b101", -5), ("+0b11", 3),
    ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
  ]

  @Test("integers: decimal, hex, octal (0o and leading 0), binary, _ separators", arguments: integersCases)
  func integers(text: String, value: Int) throws {
    #expect(try resolve(text) == .int(value))
  }

  static let doublesCases: [(String, Double)] = [
    ("1.5", 1.5), (".5", 0.5), ("-.5", -0.5), ("+.5", 0.5), ("1.", 1), ("1.0", 1), ("1e3", 1000), ("1E3", 1000),
    ("1.5e-3", 0.0015), ("1_000.5", 1000.5), (".5_0", 0.5), ("08", 8), ("09.5", 9.5), ("1e-400", 0),
    // Beyond Int64: a uint64 or a float64 in go-yaml, a float64 once kubectl decodes the JSON.
    ("9223372036854775808", 9_223_372_036_854_775_808), ("18446744073709551615", 18_446_744_073_709_551_615),
    ("-9223372036854775809", -9_223_372_036_854_775_809), ("99999999999999999999", 1e20),
  ]

  @Test("floats, and integers too large for Int64", arguments: doublesCases)
  func doubles(text: String, value: Double) throws {
    #expect(try resolve(text) == .double(value))
  }

  static let stringsCases = [
    "yEs", "tRUE", "nULL", "1:20", "190:20:30", "2001-01-01", "2001-12-14T21:59:43.10Z", "0x", "+", "-x", "1.2.3",
    "1e", "_1", "._5", "1e400", "0xFFFFFFFFFFFFFFFFFF", "-0x8000000000000001", "0b102", "0o8", "12abc", "<<",
    "hello world", ".", "..", ".n", "0x1p3",
  ]

  @Test("text that only looks like a number or a boolean stays a string", arguments: stringsCases)
  func strings(text: String) throws {
    #expect(try resolve(text) == .string(text))
  }

  static let quotedCases: [(String, String)] = [
    ("'yes'", "yes"), ("\"12\"", "12"), ("'~'", "~"), ("\"\"", ""), ("'0x1F'", "0x1F"), ("\"null\"", "null"),
    ("\"a\\tb\"", "a\tb"), ("'it''s'", "it's"),
  ]

  @Test("quoted scalars are always strings", arguments: quotedCases)
  func quoted(text: String, value: String) throws {
    #expect(try resolve(text) == .string(value))
  }

  @Test("block scalars are always strings")
  func blockScalars() throws {
    let json = try YAML.decodeJSON("a: |\n  123\nb: >-\n  yes\n  no\n")
    #expect(json == [["a": "123\n", "b": "yes no"]])
  }

  static let taggedCases: [(String, JSON)] = [
    ("!!str 12", "12"), ("!!str yes", "yes"), ("!!str ~", "~"), ("!!int \"12\"", 12), ("!!int 0x10", 16),
    ("!!float 1", .double(1)), ("!!float .5", 0.5), ("!!bool yes", true), ("!!bool 'false'", false),
    ("!!null ~", .null), ("!!null ''", .null), ("! 12", "12"), ("!custom 12", "12"), ("!!binary aGVsbG8=", "hello"),
    ("!!timestamp 2001-01-01", "2001-01-01"), ("!<tag:yaml.org,2002:int> '7'", 7),
  ]

  @Test("explicit tags", arguments: taggedCases)
  func tagged(text: String, value: JSON) throws {
    #expect(try resolve(text) == value)
  }

  static let badTagsCases: [(String, String)] = [
    ("!!int abc", "cannot decode !!str `abc` as a !!int"),
    ("!!bool 1", "cannot decode !!int `1` as a !!bool"),
    ("!!int 1.5", "cannot decode !!float `1.5` as a !!int"),
    ("!!null x", "cannot decode !!str `x` as a !!null"),
    ("!!timestamp 2001-02-30", "cannot decode !!str `2001-02-30` as a !!timestamp"),
    ("!!binary '@@@'", "!!binary value contains invalid base64 data"),
  ]

  @Test("a tag the text does not fit is an error at the scalar", arguments: badTagsCases)
  func badTags(text: String, message: String) throws {
    let error = try #require(throws: YAMLError.self) { try resolve(text) }
    #expect(error.message == message)
    #expect(error.position == SourcePosition(line: 1, column: 4))
  }

  @Test("infinity and NaN resolve as floats, but JSON cannot carry them (kubectl fails the same way)")
  func nonFiniteFloats() throws {
    let position = SourcePosition(line: 1, column: 1)
    for text in [".inf", ".Inf", ".INF", "+.inf"] {
      #expect(try YAMLScalarResolver.resolve(text, tag: nil, at: position) == .double(.infinity))
    }
    #expect(try YAMLScalarResolver.resolve("-.INF", tag: nil, at: position) == .double(-.infinity))
    guard case .double(let nan) = try YAMLScalarResolver.resolve(".NaN", tag: nil, at: position) else {
      Issue.record(".NaN did not resolve to a double")
      return
    }
    #expect(nan.isNaN)
    let error = try #require(throws: YAMLError.self) { try resolve(".inf") }
    #expect(error.message == "json: unsupported value: +Inf")
  }

  static let keysCases: [(String, String)] = [
    ("yes", "true"), ("off", "false"), ("1", "1"), ("0x10", "16"), ("012", "10"), ("1.5", "1.5"), ("1e6", "1e+06"),
    ("1e20", "1e+20"), ("3.14159265", "3.1415927"), ("0.0001", "0.0001"), ("0.00001", "1e-05"), ("100000", "100000"),
    ("1000000.0", "1e+06"), ("-2.5", "-2.5"), (".inf", ".inf"), ("-.inf", "-.inf"), (".nan", ".nan"),
    ("2001-01-01", "2001-01-01"), ("'yes'", "yes"), ("~x", "~x"), ("\"<<\"", "<<"),
  ]

  @Test("mapping keys become strings as sigs.k8s.io/yaml makes them", arguments: keysCases)
  func keys(text: String, member: String) throws {
    let json = try YAML.decodeJSON("\(text): v\n")
    #expect(json == [[member: "v"]])
  }

  @Test("keys that cannot be JSON member names are errors at the key", arguments: ["~", "18446744073709551615", "[a]"])
  func unsupportedKeys(text: String) throws {
    let error = try #require(throws: YAMLError.self) { try YAML.decodeJSON("a: 1\n\(text): v\n") }
    #expect(error.position == SourcePosition(line: 2, column: 1))
  }
}
