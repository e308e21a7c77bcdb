import KubeModel
import Testing

@testable import LabKit

/// A lab and a grader that use every field, task kind, check kind and answer kind decode to the
/// model with nothing lost and no problem.
@Suite struct CompleteFormatTests {
  static let lab = """
    id: demo
    title: Demo
    summary: Everything at once.
    tags: [cka, demo]
    duration: 1h30m
    topology: kubeadm-2node
    namespace: demo
    passMark: 80
    setup:
      - namespace: demo
      - apply: setup/app.yaml
      - wait: { resource: deploy, namespace: demo, selector: app=web, name: web, count: 2, condition: Available, within: 30s }
      - run: kubectl get pods
    workdir: [files/pod.yaml]
    tasks:
      - { id: q, ask: How many? }
      - { id: c, ask: Which?, choices: [A, B, C] }
      - { id: a, ask: Do it., action: true }
      - { id: q2, ask: Still a question., action: false }

    """

  static let grader = """
    lab: demo
    passMark: 50
    tasks:
      q:
        points: 3
        answer: { count: { resource: pods, namespace: kube-system, selector: tier=control-plane, fieldSelector: status.phase=Running } }
        hints: [first, second]
        solution: kubectl get pods -A
      c:
        answer: b
      q2:
        answer: { resource: svc, name: web, jsonpath: "{.spec.ports[0].port}" }
      a:
        checks:
          - { resource: pods, name: web, hint: No web pod., points: 2, within: 10s }
          - { resource: pods, absent: true }
          - { resource: pods, exists: false }
          - { resource: pods, count: 3 }
          - { resource: pods, count: { min: 1, max: 5 } }
          - { resource: pods, match: { spec: { containers: [{ image: nginx }] } }, ordered: true }
          - { resource: deploy, jsonpath: "{.spec.replicas}", equals: "3" }
          - { resource: deploy, jsonpath: .spec.replicas, in: ["3", "4"] }
          - { resource: deploy, jsonpath: .metadata.name, contains: we }
          - { resource: deploy, jsonpath: .metadata.name, matches: "^w" }
          - { resource: deploy, jsonpath: .spec.replicas, gt: 1 }
          - { resource: deploy, jsonpath: .spec.replicas, gte: 2 }
          - { resource: deploy, jsonpath: .spec.replicas, lt: 9 }
          - { resource: deploy, jsonpath: .spec.replicas, lte: 8.5 }
          - all: [{ resource: ns, name: demo }, { script: "true" }]
          - any: [{ file: { path: /tmp/a, exists: true } }, { file: { path: /tmp/a, contains: hello } }]
          - not: { file: { path: /tmp/a, matches: "^x+$" } }
        solution:
          manifest: { apiVersion: v1, kind: Pod, metadata: { name: web } }

    """

  @Test func labDecodesEveryField() throws {
    let decoded = LabFormat.decodeLab(Array(Self.lab.utf8), file: "lab.yaml")
    #expect(decoded.problems.map(\.description) == [])
    let lab = try #require(decoded.value)
    #expect(lab.id.value == "demo")
    #expect(lab.id.position == SourcePosition(file: "lab.yaml", line: 1, column: 5))
    #expect(lab.title == "Demo")
    #expect(lab.summary == "Everything at once.")
    #expect(lab.tags == ["cka", "demo"])
    #expect(lab.duration == .seconds(5400))
    #expect(lab.topology == .kubeadmTwoNode)
    #expect(lab.namespace == "demo")
    #expect(lab.passMark == 80)
    #expect(lab.workdir.map(\.value) == ["files/pod.yaml"])
    #expect(lab.tasks.map(\.id.value) == ["q", "c", "a", "q2"])
    #expect(lab.tasks.map(\.kind) == [.question, .choice(["A", "B", "C"]), .action, .question])
    #expect(lab.tasks[0].ask == "How many?")
    try #require(lab.setup.count == 4)
    guard case .namespace(let namespace) = lab.setup[0], case .apply(let file) = lab.setup[1],
      case .wait(let wait) = lab.setup[2], case .run(let command) = lab.setup[3]
    else {
      Issue.record("unexpected setup \(lab.setup)")
      return
    }
    #expect(namespace.value == "demo")
    #expect(command.value == "kubectl get pods")
    #expect(file.value == "setup/app.yaml")
    #expect(wait.query.resource.plural == "deployments")
    #expect(wait.query.resource.group == "apps")
    #expect(wait.query.namespace == "demo")
    #expect(wait.query.name == "web")
    #expect(wait.query.selector == (try LabelSelector(parsing: "app=web")))
    #expect(wait.count == 2)
    #expect(wait.condition == "Available")
    #expect(wait.within == .seconds(30))
  }

  @Test func labDefaults() throws {
    let decoded = LabFormat.decodeLab(Array("id: x\ntitle: X\ntasks: []\n".utf8), file: "lab.yaml")
    let lab = try #require(decoded.value)
    #expect(decoded.problems.isEmpty)
    #expect(lab.topology == .kubeadm)
    #expect(lab.namespace == "default")
    #expect(lab.passMark == 66)
    #expect(lab.duration == nil)
  }

  @Test func graderDecodesEveryAnswerAndCheckKind() throws {
    let decoded = LabFormat.decodeGrader(Array(Self.grader.utf8), file: "g.yaml")
    #expect(decoded.problems.map(\.description) == [])
    let grader = try #require(decoded.value)
    #expect(grader.lab.value == "demo")
    #expect(grader.passMark == 50)
    #expect(grader.tasks.map(\.id.value) == ["q", "c", "q2", "a"])
    let (q, c, q2, a) = (grader.tasks[0], grader.tasks[1], grader.tasks[2], grader.tasks[3])
    #expect(q.points == 3)
    #expect(q.hints == ["first", "second"])
    guard case .count(let query)? = q.answer, case .commands(["kubectl get pods -A"])? = q.solution else {
      Issue.record("unexpected \(String(describing: q.answer)) \(String(describing: q.solution))")
      return
    }
    #expect(query.resource.kind == "Pod")
    #expect(query.namespace == "kube-system")
    #expect(query.selector == (try LabelSelector(parsing: "tier=control-plane")))
    #expect(query.fieldSelector == (try FieldSelector(parsing: "status.phase=Running")))
    guard case .fixed(let fixed)? = c.answer, case .field(let service, let template, nil, .text)? = q2.answer else {
      Issue.record("unexpected \(String(describing: c.answer)) \(String(describing: q2.answer))")
      return
    }
    #expect(fixed.rule == .text(["b"]))
    #expect(!fixed.caseSensitive)
    #expect(service.resource.plural == "services")
    #expect(service.name == "web")
    #expect(try template.render(["spec": ["ports": [["port": 80]]]]) == "80")
    #expect(a.points == 1)
    #expect(
      a.checks.map(describe) == [
        "pods web exists", "pods absent", "pods absent", "pods count 3...3", "pods count 1...5",
        "pods match ordered", "deployments {.spec.replicas} equals(\"3\")",
        "deployments {.spec.replicas} in([\"3\", \"4\"])", "deployments {.metadata.name} contains(\"we\")",
        "deployments {.metadata.name} matches(\"^w\")", "deployments {.spec.replicas} greaterThan(1.0)",
        "deployments {.spec.replicas} atLeast(2.0)", "deployments {.spec.replicas} lessThan(9.0)",
        "deployments {.spec.replicas} atMost(8.5)", "all(namespaces demo exists, script true)",
        "any(file /tmp/a exists(true), file /tmp/a contains(\"hello\"))", "not(file /tmp/a matches(\"^x+$\"))",
      ])
    let first = try #require(a.checks.first)
    #expect(first.hint == "No web pod.")
    #expect(first.points == 2)
    #expect(first.within == .seconds(10))
    guard case .manifest(let documents)? = a.solution else {
      Issue.record("unexpected solution \(String(describing: a.solution))")
      return
    }
    #expect(documents == [["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "web"]]])
  }

  @Test func staticAnswerForms() throws {
    let text = """
      lab: x
      tasks:
        number: { answer: 3 }
        anyOf: { answer: { anyOf: [a, b], caseSensitive: true } }
        set: { answer: { set: [nginx, agentx] } }
        regex: { answer: { regex: "v1\\\\.[0-9]+" } }
        text: { answer: { text: Exact, caseSensitive: true } }
        quoted: { answer: "3" }
      """
    let decoded = LabFormat.decodeGrader(Array(text.utf8), file: "g.yaml")
    #expect(decoded.problems.map(\.description) == [])
    let rules = try #require(decoded.value).tasks.map { task -> String in
      guard case .fixed(let answer)? = task.answer else { return "not static" }
      return "\(answer.rule) \(answer.caseSensitive)"
    }
    #expect(
      rules == [
        "number(3.0) false", "text([\"a\", \"b\"]) true", "set([\"nginx\", \"agentx\"]) false",
        "regex(\"v1\\\\.[0-9]+\") false", "text([\"Exact\"]) true", "text([\"3\"]) false",
      ])
  }

  @Test(arguments: [("30s", 30.0), ("2m", 120), ("1h30m", 5400), ("1.5h", 5400), ("500ms", 0.5), ("0", 0)])
  func durations(text: String, seconds: Double) throws {
    let duration = try DurationParser.parse(text)
    #expect(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18 == seconds)
  }

  @Test(arguments: [
    ("30", "missing unit in duration \"30\""), ("", "invalid duration \"\""), ("-5s", "invalid duration \"-5s\""),
    ("5d", "unknown unit \"d\" in duration \"5d\""), ("1.2.3s", "invalid duration \"1.2.3s\""),
  ])
  func invalidDurations(text: String, message: String) {
    #expect(throws: DurationParser.Failure(description: message)) { try DurationParser.parse(text) }
  }

  /// A short text for each check, to compare a whole list at once.
  private func describe(_ check: Check) -> String {
    switch check.kind {
    case .objects(let query, let assertion):
      let subject = [query.resource.plural, query.name].compactMap { $0 }.joined(separator: " ")
      switch assertion {
      case .exists: return subject + " exists"
      case .absent: return subject + " absent"
      case .count(let range): return subject + " count \(range.min ?? -1)...\(range.max ?? -1)"
      case .match(let object, let ordered):
        return subject + (object["spec"] == nil ? " match?" : " match") + (ordered ? " ordered" : "")
      case .jsonpath(let template, let comparison): return "\(subject) \(template) \(comparison)"
      }
    case .all(let checks): return "all(" + checks.map(describe).joined(separator: ", ") + ")"
    case .any(let checks): return "any(" + checks.map(describe).joined(separator: ", ") + ")"
    case .not(let check): return "not(" + describe(check) + ")"
    case .script(let command, _): return "script \(command)"
    case .file(let file): return "file \(file.path) \(file.condition)"
    case .exec(let exec): return "exec \(exec.target) \(exec.command)"
    }
  }
}
