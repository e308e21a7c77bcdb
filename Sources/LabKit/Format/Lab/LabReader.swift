import KubeModel

/// Decodes a lab.yaml document, logging every problem.
enum LabReader {
  static let keys = [
    "id", "title", "summary", "tags", "duration", "topology", "namespace", "passMark", "setup", "workdir", "tasks",
  ]

  static func lab(_ node: YAMLNode, file: String, log: ProblemLog) -> Lab? {
    guard let reader = MappingReader(node, allowedKeys: keys, log: log) else { return nil }
    let id = reader.string("id", required: true) ?? Located("", at: node.position)
    let title = reader.string("title", required: true)?.value ?? ""
    return Lab(
      id: id, title: title, summary: reader.string("summary")?.value,
      tags: reader.stringList("tags")?.map(\.value) ?? [], duration: reader.duration("duration"),
      topology: topology(reader), namespace: reader.string("namespace")?.value ?? "default",
      passMark: reader.percent("passMark") ?? Lab.defaultPassMark,
      setup: reader.list("setup")?.compactMap { setupStep($0, log: log) } ?? [],
      workdir: reader.stringList("workdir") ?? [], tasks: tasks(reader), file: file)
  }

  private static func topology(_ reader: MappingReader) -> LabTopology {
    guard let text = reader.string("topology") else { return .kubeadm }
    if let topology = LabTopology(rawValue: text.value) { return topology }
    let names = LabTopology.allCases.map(\.rawValue)
    reader.log.add(
      "unknown topology `\(text.value)`" + EditDistance.didYouMean(text.value, among: names)
        + " (expected \(MappingReader.list(names)))", at: text.position)
    return .kubeadm
  }

  private static func setupStep(_ node: YAMLNode, log: ProblemLog) -> SetupStep? {
    let kinds = ["apply", "namespace", "wait", "run"]
    guard let reader = MappingReader(node, allowedKeys: kinds, log: log),
      let kind = reader.oneOf(kinds, what: "a setup step")
    else { return nil }
    switch kind {
    case "apply": return reader.string("apply").map { .apply($0) }
    case "namespace": return reader.string("namespace").map { .namespace($0) }
    case "run": return reader.string("run").map { .run($0) }
    default: return reader["wait"].flatMap { wait($0, log: log) }.map { .wait($0) }
    }
  }

  private static func wait(_ node: YAMLNode, log: ProblemLog) -> WaitStep? {
    let keys = ["resource", "namespace", "selector", "name", "count", "condition", "within"]
    guard let reader = MappingReader(node, allowedKeys: keys, log: log) else { return nil }
    let count = reader.count("count")
    let condition = reader.string("condition")?.value
    let within = reader.duration("within")
    return ObjectQuery(reader).map { WaitStep(query: $0, count: count, condition: condition, within: within) }
  }

  private static func tasks(_ reader: MappingReader) -> [LabTask] {
    if !reader.has("tasks") { _ = reader.required("tasks") }
    let nodes = reader.list("tasks") ?? []
    var seen = Set<String>()
    return nodes.compactMap { node in
      guard let task = task(node, log: reader.log) else { return nil }
      guard seen.insert(task.id.value).inserted else {
        reader.log.add("duplicate task id `\(task.id.value)`", at: task.id.position)
        return nil
      }
      return task
    }
  }

  private static func task(_ node: YAMLNode, log: ProblemLog) -> LabTask? {
    guard let reader = MappingReader(node, allowedKeys: ["id", "ask", "choices", "action"], log: log) else {
      return nil
    }
    let id = reader.string("id", required: true)
    let ask = reader.string("ask", required: true)
    let choices = reader.stringList("choices")
    let action = reader.bool("action")
    guard let id, let ask else { return nil }
    let kind: LabTask.Kind
    switch (choices, action) {
    case (_?, true?):
      log.add(
        "task `\(id.value)` is either a choice (`choices`) or an action (`action: true`), not both",
        at: node.position)
      return nil
    case (let choices?, _):
      guard choices.count >= 2 else {
        log.add("`choices` needs at least two options", at: reader["choices"]?.position ?? node.position)
        return nil
      }
      kind = .choice(choices.map(\.value))
    case (nil, true?): kind = .action
    default: kind = .question
    }
    return LabTask(id: id, ask: ask.value, kind: kind)
  }
}
