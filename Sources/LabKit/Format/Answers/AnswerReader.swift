import Foundation
import KubeModel

/// Decodes `answer:`: a scalar (text or number), or a mapping naming one static rule (`text`,
/// `anyOf`, `set`, `regex`) or one computed form (`count`, `resource`+`name`+`jsonpath`, or a
/// node's `file`).
enum AnswerReader {
  static let staticKeys = ["text", "anyOf", "set", "regex"]
  static let computedKeys = ["count", "resource", "file"]
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
    let computedOnly = fieldKeys.filter(reader.has).filter { form != "file" || $0 != "extract" }
    if form != "resource", let stray = computedOnly.first {
      log.add(
        stray == "extract"
          ? "`extract` applies only to an answer read from an object (`resource`) or a node's `file`"
          : "`\(stray)` applies only to an answer read from an object (`resource`)", at: node.position)
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
    case "file":
      return nodeFile(reader, kind: kind)
    default:
      return field(reader, kind: kind)
    }
  }

  /// `file: { node: NODE, path: /absolute }`, with `extract` to keep a part of it.
  private static func nodeFile(_ reader: MappingReader, kind: ValueKind?) -> Answer? {
    guard let file = reader["file"],
      let fileReader = MappingReader(file, allowedKeys: ["node", "path"], log: reader.log)
    else { return nil }
    let node = fileReader.string("node", required: true)
    let path = fileReader.string("path", required: true)
    let extract = extractPattern(reader)
    guard let node, let path else { return nil }
    guard path.value.hasPrefix("/") else {
      reader.log.add("a file on a node needs an absolute path, found \"\(path.value)\"", at: path.position)
      return nil
    }
    return .nodeFile(NodeFileAnswer(node: node.value, path: path.value, extract: extract?.value, kind: kind ?? .text))
  }

  /// `extract`: a regular expression whose first capture group is the part kept.
  private static func extractPattern(_ reader: MappingReader) -> Located<String>? {
    let extract = reader.regex("extract")
    if let extract, (try? NSRegularExpression(pattern: extract.value).numberOfCaptureGroups) == 0 {
      reader.log.add("`extract` needs a capture group `( )` around the part to keep", at: extract.position)
    }
    return extract
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
    let extract = extractPattern(reader)
    guard let query, let template else { return nil }
    return .field(query, template, extract: extract?.value, kind: kind ?? ValueKind.inferred(from: template))
  }
}
