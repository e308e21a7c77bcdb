import KubeModel
import Testing

@testable import LabKit

@Suite("Grading answers: static forms, choices, computed answers, unanswered")
struct AnswerTests {
  static let questions = """
      - { id: text, ask: Which? }
      - { id: exact, ask: Which image? }
      - { id: number, ask: How many? }
      - { id: alternatives, ask: Where? }
      - { id: set, ask: Which containers? }
      - { id: regex, ask: Which version? }
      - { id: pick, ask: What state?, choices: [Running, Error or Waiting, Ready] }
      - { id: count, ask: How many pods? }
      - { id: field, ask: Which image does web use? }
    """

  static let answers = """
      text: { answer: Error or Waiting }
      exact: { answer: { text: busybox:1.36, caseSensitive: true } }
      number: { points: 2, answer: 3 }
      alternatives: { answer: { anyOf: [default, the default namespace] } }
      set: { answer: { set: [nginx, agentx] } }
      regex: { answer: { regex: "v1\\\\.[0-9]+" } }
      pick: { answer: Error or Waiting }
      count: { answer: { count: { resource: pods, selector: app=web } } }
      field: { answer: { resource: pods, name: web-1, jsonpath: "{.spec.containers[0].image}" } }
    """

  static func fixture() async throws -> GradingFixture {
    let fixture = try GradingFixture(tasks: questions, grader: answers)
    for name in ["web-1", "web-2"] {
      try await fixture.create("pods", GradingFixture.pod(name, image: "nginx:1.25", labels: ["app": "web"]))
    }
    return fixture
  }

  @Test("right answers in every accepted spelling pass")
  func right() async throws {
    let fixture = try await Self.fixture()
    let spellings: [[String: String]] = [
      [
        "text": "  error OR waiting ", "exact": "busybox:1.36", "number": " 3 ",
        "alternatives": "The Default Namespace",
        "set": "agentx ,nginx", "regex": "V1.28", "pick": "error or waiting", "count": "2", "field": "NGINX:1.25",
      ],
      ["number": "3.0", "set": "nginx, agentx,", "pick": "b", "count": "2.0"],
      ["number": "3", "pick": "2", "alternatives": "default"],
      // Counts in words; an image without its tag, or with its registry (the question does not ask for the tag).
      ["number": "three", "count": "two", "field": "nginx"],
      ["field": "docker.io/library/nginx:1.25"],
      ["pick": "B"],
    ]
    for answers in spellings {
      let report = await fixture.grade(tasks: Array(answers.keys), answers: answers)
      for task in report.tasks {
        #expect(task.status == .passed, "\(task.id) with \(answers[task.id] ?? ""): \(task.messages)")
        #expect(task.earned == task.points)
        #expect(task.answer == answers[task.id])
      }
    }
  }

  @Test("wrong answers fail without revealing the right one")
  func wrong() async throws {
    let fixture = try await Self.fixture()
    let answers = [
      "text": "Running", "exact": "BUSYBOX:1.36", "number": "four", "alternatives": "kube-system",
      "set": "nginx, agentx, nginx", "regex": "v1.28 or so", "pick": "d", "count": "3", "field": "nginx:1.24",
    ]
    let report = await fixture.grade(answers: answers)
    for task in report.tasks {
      #expect(task.status == .failed, "\(task.id): \(task.messages)")
      #expect(task.earned == 0)
      #expect(task.messages.count == 1)
    }
    #expect(try report.task("number").messages == [#"the answer "four" is not right"#])
    #expect(try report.task("pick").messages == [#"the answer "d" is not one of the 3 options"#])
    #expect(try report.task("pick").checks.allSatisfy { !$0.message.contains("Error or Waiting") })
    #expect(try report.task("field").messages == [#"the answer "nginx:1.24" is not right"#])
    #expect(report.points == 10)
    #expect(report.earned == 0)
    #expect(!report.passed)
  }

  @Test("a missing or blank answer is unanswered, worth nothing, and needs no read")
  func unanswered() async throws {
    let fixture = try await Self.fixture()
    let report = await fixture.grade(answers: ["count": "  ", "text": "Error or Waiting"])
    #expect(try report.task("count").status == .unanswered)
    #expect(try report.task("field").status == .unanswered)
    #expect(try report.task("field").checks.isEmpty)
    #expect(try report.task("text").status == .passed)
    #expect(report.earned == 1)
    #expect(report.reads == 0)
  }

  @Test("a computed answer whose object is missing is an error, not a fail")
  func computedMissing() async throws {
    let fixture = try await Self.fixture()
    try await fixture.delete("pods", name: "web-1")
    let task = try await fixture.grade(tasks: ["field"], answers: ["field": "nginx:1.25"]).task("field")
    #expect(task.status == .error)
    #expect(task.messages == ["cannot work out the answer: pod web-1 in namespace default not found"])
  }

  @Test("a computed answer may pick its object by selector and extract one flag from a field")
  func extractedFlag() async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: dir, ask: Where does etcd keep its data? }\n  - { id: two, ask: Which image? }",
      grader: """
          dir:
            answer:
              resource: pods
              selector: component=etcd
              jsonpath: "{.spec.containers[0].command}"
              extract: "--data-dir=([^\\",]+)"
          two: { answer: { resource: pods, selector: tier=web, jsonpath: "{.spec.containers[0].image}" } }
        """)
    var etcd = GradingFixture.pod("etcd-a", image: "registry.k8s.io/etcd:3.5.21-0", labels: ["component": "etcd"])
    etcd[path: ["spec", "containers"]] = [
      ["name": "etcd", "image": "registry.k8s.io/etcd:3.5.21-0", "command": ["etcd", "--data-dir=/var/lib/etcd"]]
    ]
    try await fixture.create("pods", etcd)
    for name in ["web-1", "web-2"] {
      try await fixture.create("pods", GradingFixture.pod(name, labels: ["tier": "web"]))
    }
    let report = await fixture.grade(answers: ["dir": "/var/lib/etcd", "two": "nginx"])
    #expect(try report.task("dir").status == .passed)
    #expect(try report.task("two").status == .error)
    #expect(
      try report.task("two").messages == [
        "cannot work out the answer: pods with tier=web in namespace default selects 2 objects, expected one"
      ])
    let wrong = await fixture.grade(tasks: ["dir"], answers: ["dir": "/var/lib/etcd2"])
    #expect(try wrong.task("dir").status == .failed)
  }
}
