import Foundation
import KubeModel

/// Decodes `answer:`: a scalar (text or number), or a mapping naming one static rule (`text`,
/// `anyOf`, `set`, `regex`) or one computed form (`count`, or `resource`+`name`+`jsonpath`).
enum AnswerReader {
  static let staticKeys = ["text", "anyOf", "set", "regex"]
  static let computedKeys = ["count", "resource"]
  /// What an answer read from an object (`resource`) may say besides the resource.
  static let fieldKeys = ["name", "namespace", "selector", "fieldSelector", "jsonpath", "extract"]

  static func answer(_ node: YAMLNode, log: ProblemLog) -> Answer? {
    switch node.kind {
    case .scalar:
      switch try? node.json {
      case .int(let number)?: return fixed(.number(Double(number)), at: node.position)
      case .double(let number)?: return fixed(.number(number), at: node.position)
      case .null?, nil:
        log.add("expected an answer, found null", at: node.position)
        return nil
      default: return node.scalarText.map { fixed(.text([$0]), at: node.position) }
      }
    case .sequence:
      log.add("expected a text, a number or a mapping, found a list (use `anyOf` or `set`)", at: node.position)
      return nil
    case .mapping:
      return mapping(node, log: log)
    }
  }

  private static func fixed(
    _ rule: StaticAnswer.Rule, caseSensitive: Bool = false, kind: ValueKind? = nil, at position: SourcePosition
  ) -> Answer {
    .fixed(StaticAnswer(rule: rule, caseSensitive: caseSensitive, kind: kind ?? .text, position: position))
  }

  private static func mapping(_ node: YAMLNode, log: ProblemLog) -> Answer? {
    let allowed =
      staticKeys + ["caseSensitive", "example", "as"] + computedKeys + Self.fieldKeys
    guard let reader = MappingReader(node, allowedKeys: allowed, log: log),
      let form = reader.oneOf(staticKeys + computedKeys, what: "an answer")
    else { return nil }
    let caseSensitive = reader.bool("caseSensitive") ?? false
    let kind = valueKind(reader)
    if kind != nil, ["regex", "count"].contains(form) {
      log.add("`as` applies to `text`, `anyOf`, `set` and answers read from an object", at: node.position)
    }
    if form != "regex", reader.has("example") {
      log.add("`example` applies only to a `regex` answer", at: node.position)
    }
    let computedOnly = fieldKeys.filter(reader.has)
    if form != "resource", let stray = computedOnly.first {
      log.add("`\(stray)` applies only to an answer read from an object (`resource`)", at: node.position)
    }
    switch form {
    case "text":
      return reader.string("text").map {
        fixed(.text([$0.value]), caseSensitive: caseSensitive, kind: kind, at: $0.position)
      }
    case "anyOf":
      return reader.stringList("anyOf").map {
        fixed(.text($0.map(\.value)), caseSensitive: caseSensitive, kind: kind, at: node.position)
      }
    case "set":
      return reader.stringList("set").map {
        fixed(.set($0.map(\.value)), caseSensitive: caseSensitive, kind: kind, at: node.position)
      }
    case "regex":
      guard let pattern = reader.regex("regex") else { return nil }
      var answer = StaticAnswer(rule: .regex(pattern.value), caseSensitive: caseSensitive, position: pattern.position)
      if let example = reader.string("example") {
        answer.example = example.value
        if (try? answer.accepts(example.value)) != true {
          log.add("the example `\(example.value)` does not match the regex", at: example.position)
        }
      }
      return .fixed(answer)
    case "count":
      guard let query = reader["count"], let queryReader = MappingReader(query, allowedKeys: ObjectQuery.keys, log: log)
      else { return nil }
      return ObjectQuery(queryReader).map { .count($0) }
    default:
      return field(reader, kind: kind)
    }
  }

  /// `as: image`, `as: tagged-image` or `as: text`; nil when not written (or not one of those).
  private static func valueKind(_ reader: MappingReader) -> ValueKind? {
    guard let name = reader.string("as") else { return nil }
    guard let kind = ValueKind.names[name.value] else {
      reader.log.add(
        "`as` must be one of \(ValueKind.names.keys.sorted().map { "`\($0)`" }.joined(separator: ", "))",
        at: name.position)
      return nil
    }
    return kind
  }

  private static func field(_ reader: MappingReader, kind: ValueKind?) -> Answer? {
    let query = ObjectQuery(reader)
    if let query, query.name == nil, query.selector == nil, query.fieldSelector == nil {
      reader.log.add(
        "an answer read from an object needs `name`, `selector` or `fieldSelector` to pick one object",
        at: query.resourceName.position)
    }
    let template = reader.string("jsonpath", required: true).flatMap { JSONPathTemplate.reading($0, log: reader.log) }
    let extract = reader.regex("extract")
    if let extract, (try? NSRegularExpression(pattern: extract.value).numberOfCaptureGroups) == 0 {
      reader.log.add("`extract` needs a capture group `( )` around the part to keep", at: extract.position)
    }
    guard let query, let template else { return nil }
    return .field(query, template, extract: extract?.value, kind: kind ?? ValueKind.inferred(from: template))
  }
}
