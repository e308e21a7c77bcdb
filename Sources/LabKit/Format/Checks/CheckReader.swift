import KubeModel

/// Decodes checks. The keys a check may have depend on its kind, so the kind is found first and
/// unknown keys are judged against that kind's vocabulary.
enum CheckReader {
  static let commonKeys = ["hint", "points", "within"]
  static let kindKeys = ["resource", "all", "any", "not", "script", "file", "exec"]
  static let assertionKeys = ["exists", "absent", "count", "match", "jsonpath"]
  static let comparisonKeys = ["equals", "in", "contains", "matches", "gt", "gte", "lt", "lte"]
  static let objectKeys = ObjectQuery.keys + assertionKeys + ["ordered"] + comparisonKeys

  static func checks(_ nodes: [YAMLNode], log: ProblemLog) -> [Check] {
    nodes.compactMap { check($0, log: log) }
  }

  static func check(_ node: YAMLNode, log: ProblemLog) -> Check? {
    let written = writtenKeys(node)
    let kinds = kindKeys.filter(written.contains)
    let kind = kinds.count == 1 ? kinds[0] : nil
    let allowed = commonKeys + (kind.map { Self.keys(ofKind: $0) } ?? kindKeys + objectKeys)
    guard let reader = MappingReader(node, allowedKeys: allowed, log: log) else { return nil }
    let hint = reader.string("hint")?.value
    let points = reader.number("points") ?? 1
    let within = reader.duration("within")
    guard reader.oneOf(kindKeys, what: "a check") != nil, let kind,
      let checkKind = self.kind(kind, reader)
    else { return nil }
    return Check(kind: checkKind, hint: hint, points: points, within: within, position: node.position)
  }

  /// The keys a check of `kind` may have besides the common ones.
  private static func keys(ofKind kind: String) -> [String] {
    switch kind {
    case "resource": objectKeys
    case "script": ["script", "node"]
    default: [kind]
    }
  }

  private static func writtenKeys(_ node: YAMLNode) -> [String] {
    guard case .mapping(let entries) = node.kind else { return [] }
    return entries.compactMap { $0.key.scalarText }
  }

  private static func kind(_ key: String, _ reader: MappingReader) -> CheckKind? {
    let log = reader.log
    switch key {
    case "all": return reader.list("all").map { .all(checks($0, log: log)) }
    case "any": return reader.list("any").map { .any(checks($0, log: log)) }
    case "not": return reader["not"].flatMap { check($0, log: log) }.map { .not($0) }
    case "script":
      let node = reader.string("node")?.value
      return reader.string("script").map { .script($0.value, node: node) }
    case "file": return reader["file"].flatMap { file($0, log: log) }.map { .file($0) }
    case "exec": return reader["exec"].flatMap { exec($0, log: log) }.map { .exec($0) }
    default: return objects(reader)
    }
  }

  private static func objects(_ reader: MappingReader) -> CheckKind? {
    let query = ObjectQuery(reader)
    let assertion = assertion(reader)
    guard let query, let assertion else { return nil }
    return .objects(query, assertion)
  }

  private static func assertion(_ reader: MappingReader) -> ObjectAssertion? {
    let log = reader.log
    let present = assertionKeys.filter(reader.has)
    if reader.has("ordered") && !present.contains("match") {
      log.add("`ordered` applies only to `match`", at: reader.node.position)
    }
    if !present.contains("jsonpath"), let stray = comparisonKeys.first(where: reader.has) {
      log.add("`\(stray)` needs `jsonpath`", at: reader.node.position)
      return nil
    }
    guard present.count <= 1 else {
      log.add("a check takes only one of \(MappingReader.list(present))", at: reader.node.position)
      return nil
    }
    switch present.first {
    case nil: return .exists
    case "exists": return reader.bool("exists").map { $0 ? .exists : .absent }
    case "absent": return reader.bool("absent").map { $0 ? .absent : .exists }
    case "count": return reader["count"].flatMap { countRange($0, log: log) }.map { .count($0) }
    case "match": return match(reader)
    default: return jsonpath(reader)
    }
  }

  private static func countRange(_ node: YAMLNode, log: ProblemLog) -> CountRange? {
    if case .int(let exact)? = try? node.json, exact >= 0 { return CountRange(min: exact, max: exact) }
    guard case .mapping = node.kind else {
      log.add("expected a whole number or a mapping with `min`/`max`, found \(node.typeDescription)", at: node.position)
      return nil
    }
    guard let bounds = MappingReader(node, allowedKeys: ["min", "max"], log: log) else { return nil }
    guard bounds.has("min") || bounds.has("max") else {
      log.add("a count range needs `min` or `max`", at: node.position)
      return nil
    }
    return CountRange(min: bounds.count("min"), max: bounds.count("max"))
  }

  private static func match(_ reader: MappingReader) -> ObjectAssertion? {
    let ordered = reader.bool("ordered") ?? false
    guard let node = reader["match"] else { return nil }
    guard case .mapping = node.kind, let object = try? node.json else {
      reader.log.add("expected a mapping, found \(node.typeDescription)", at: node.position)
      return nil
    }
    return .match(object, ordered: ordered)
  }

  private static func jsonpath(_ reader: MappingReader) -> ObjectAssertion? {
    let template = reader.string("jsonpath").flatMap { JSONPathTemplate.reading($0, log: reader.log) }
    guard let comparisonKey = reader.oneOf(comparisonKeys, what: "`jsonpath`"),
      let comparison = comparison(comparisonKey, reader), let template
    else { return nil }
    return .jsonpath(template, comparison)
  }

  private static func comparison(_ key: String, _ reader: MappingReader) -> ValueComparison? {
    switch key {
    case "equals": return reader.string(key).map { .equals($0.value) }
    case "in": return reader.stringList(key).map { .in($0.map(\.value)) }
    case "contains": return reader.string(key).map { .contains($0.value) }
    case "matches": return reader.regex(key).map { .matches($0.value) }
    case "gt": return reader.number(key).map { .greaterThan($0) }
    case "gte": return reader.number(key).map { .atLeast($0) }
    case "lt": return reader.number(key).map { .lessThan($0) }
    default: return reader.number(key).map { .atMost($0) }
    }
  }

  private static func exec(_ node: YAMLNode, log: ProblemLog) -> ExecCheck? {
    let keys = ["pod", "selector", "namespace", "container", "command", "matches"]
    guard let reader = MappingReader(node, allowedKeys: keys, log: log) else { return nil }
    let target: ExecCheck.Target?
    switch reader.oneOf(["pod", "selector"], what: "an exec check") {
    case "pod": target = reader.string("pod").map { .pod($0.value) }
    case "selector":
      target = reader.string("selector").flatMap { text -> ExecCheck.Target? in
        do {
          _ = try LabelSelector(parsing: text.value)
          return .selector(text.value)
        } catch {
          log.add("invalid label selector `\(text.value)`: \(error)", at: text.position)
          return nil
        }
      }
    default: target = nil
    }
    var command: [String]?
    if let value = reader["command"] {
      if case .sequence = value.kind {
        command = reader.stringList("command")?.map(\.value)
        if command?.isEmpty == true {
          log.add("`command` needs at least one word", at: value.position)
          command = nil
        }
      } else {
        command = reader.string("command").map { ["sh", "-c", $0.value] }
      }
    } else {
      log.add("an exec check needs `command`", at: node.position)
    }
    let matches = reader.regex("matches")?.value
    guard let target, let command else { return nil }
    return ExecCheck(
      target: target, namespace: reader.string("namespace")?.value, container: reader.string("container")?.value,
      command: command, matches: matches)
  }

  private static func file(_ node: YAMLNode, log: ProblemLog) -> FileCheck? {
    guard let reader = MappingReader(node, allowedKeys: ["node", "path", "exists", "contains", "matches"], log: log)
    else { return nil }
    let path = reader.string("path", required: true)
    let condition: FileCheck.Condition?
    switch reader.oneOf(["exists", "contains", "matches"], what: "a file check") {
    case "exists": condition = reader.bool("exists").map { .exists($0) }
    case "contains": condition = reader.string("contains").map { .contains($0.value) }
    case "matches": condition = reader.regex("matches").map { .matches($0.value) }
    default: condition = nil
    }
    guard let path, let condition else { return nil }
    let onNode = reader.string("node")
    if let onNode, !path.value.hasPrefix("/") {
      log.add("a file on a node needs an absolute path, found \"\(path.value)\"", at: path.position)
      return nil
    }
    return FileCheck(path: path.value, condition: condition, node: onNode?.value)
  }
}
