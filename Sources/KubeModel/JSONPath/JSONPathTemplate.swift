/// A kubectl JSONPath template (`-o jsonpath=...`), parsed once and rendered on any number of values.
///
///     let template = try JSONPathTemplate("{range .items[*]}{.metadata.name}{\"\\n\"}{end}")
///     let text = try template.render(podList)
public struct JSONPathTemplate: Sendable, CustomStringConvertible {
  /// The template text as written.
  public let text: String
  private let nodes: [JSONPathNode]

  /// Parses a template; throws a `JSONPathError` worded as kubectl's parse errors.
  public init(_ template: String) throws {
    self.text = template
    self.nodes = try JSONPathParser.parse(template)
  }

  public var description: String { text }

  /// Accepts the short forms kubectl allows for custom columns, `--sort-by` and `wait --for=jsonpath`
  /// (`RelaxedJSONPathExpression`): `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`.
  public init(relaxed expression: String) throws {
    guard !expression.isEmpty else {
      try self.init(expression)
      return
    }
    var body = Substring(expression)
    if body.hasPrefix("{") && body.hasSuffix("}") && body.count >= 2 { body = body.dropFirst().dropLast() }
    if body.hasPrefix(".") { body = body.dropFirst() }
    guard !body.isEmpty, !body.contains("{"), !body.contains("}") else {
      throw JSONPathError(
        stage: .parsing,
        message: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or "
          + "'{.name1.name2}'")
    }
    try self.init("{.\(body)}")
  }

  /// The values each part of the template produced, in order: literal text as strings, and one
  /// list per expression (one per expression per iteration inside `{range}`).
  ///
  /// With `allowMissingKeys` false, a missing key is an error (`<name> is not found`); kubectl's
  /// `-o jsonpath` allows missing keys unless `--allow-missing-template-keys=false`.
  public func values(_ value: JSON, allowMissingKeys: Bool = true) throws -> [[JSON]] {
    var evaluator = JSONPathEvaluator(allowMissingKeys: allowMissingKeys)
    return try evaluator.results(of: nodes[...], on: value)
  }

  /// The text kubectl prints for this template on `value`: values of one expression separated by a
  /// single space, strings raw, numbers and booleans as Go prints them, objects and arrays as compact
  /// JSON with sorted keys.
  public func render(_ value: JSON, allowMissingKeys: Bool = true) throws -> String {
    try values(value, allowMissingKeys: allowMissingKeys).map { results in
      results.map(JSONPathTemplate.text(of:)).joined(separator: " ")
    }.joined()
  }

  /// One result value as kubectl prints it.
  public static func text(of value: JSON) -> String {
    switch value {
    case .null: return "null"
    case .bool, .int, .double, .string: return GoFormat.value(value)
    case .array, .object: return value.sortingObjectKeys().serialized()
    }
  }
}
