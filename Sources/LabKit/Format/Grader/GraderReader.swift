import KubeModel

/// Decodes a grader document, logging every problem.
enum GraderReader {
  static func grader(_ node: YAMLNode, file: String, log: ProblemLog) -> Grader? {
    guard let reader = MappingReader(node, allowedKeys: ["lab", "passMark", "tasks"], log: log) else { return nil }
    let lab = reader.string("lab", required: true) ?? Located("", at: node.position)
    let passMark = reader.percent("passMark")
    var tasks: [GraderTask] = []
    if let tasksNode = reader.required("tasks"), let entries = entries(tasksNode, log: log) {
      tasks = entries.compactMap { task(id: $0.key, $0.value, log: log) }
    }
    return Grader(lab: lab, passMark: passMark, tasks: tasks, file: file)
  }

  /// The task entries with their ids; duplicates logged and dropped.
  private static func entries(_ node: YAMLNode, log: ProblemLog) -> [(key: Located<String>, value: YAMLNode)]? {
    guard case .mapping(let entries) = node.kind else {
      log.add("expected a mapping of task ids, found \(node.typeDescription)", at: node.position)
      return nil
    }
    var seen = Set<String>()
    return entries.compactMap { entry in
      guard let id = MappingReader.string(entry.key, log: log) else { return nil }
      guard seen.insert(id.value).inserted else {
        log.add("duplicate task id `\(id.value)`", at: id.position)
        return nil
      }
      return (id, entry.value)
    }
  }

  private static func task(id: Located<String>, _ node: YAMLNode, log: ProblemLog) -> GraderTask? {
    let keys = ["points", "answer", "checks", "hints", "solution"]
    guard let reader = MappingReader(node, allowedKeys: keys, log: log) else { return nil }
    if let points = reader.number("points"), points <= 0, let pointsNode = reader["points"] {
      log.add("`points` must be more than 0", at: pointsNode.position)
    }
    if reader.has("answer") && reader.has("checks") {
      log.add("task `\(id.value)` has both `answer` and `checks`; a task is graded by one of them", at: node.position)
    }
    return GraderTask(
      id: id, points: reader.number("points") ?? 1,
      answer: reader["answer"].flatMap { AnswerReader.answer($0, log: log) },
      checks: reader.list("checks").map { CheckReader.checks($0, log: log) } ?? [],
      hints: reader.stringList("hints")?.map(\.value) ?? [],
      solution: reader["solution"].flatMap { solution($0, log: log) })
  }

  /// A command, a list of commands, or `{manifest: …}` with a mapping or multi-document YAML text.
  private static func solution(_ node: YAMLNode, log: ProblemLog) -> Solution? {
    switch node.kind {
    case .scalar: return MappingReader.string(node, log: log).map { .commands([$0.value]) }
    case .sequence(let items): return .commands(items.compactMap { MappingReader.string($0, log: log)?.value })
    case .mapping:
      guard let reader = MappingReader(node, allowedKeys: ["manifest"], log: log),
        let manifest = reader.required("manifest")
      else { return nil }
      if case .mapping = manifest.kind, let object = try? manifest.json { return .manifest([object]) }
      guard let text = MappingReader.string(manifest, log: log) else { return nil }
      do {
        return .manifest(try YAML.decodeJSON(text.value))
      } catch {
        log.add("the solution manifest is not valid YAML: \(error)", at: text.position)
        return nil
      }
    }
  }
}
