import Foundation
import Testing

@testable import LabKit

@Suite("Grading combinators, partial credit and the pass mark")
struct CombinatorAndScoreTests {
  @Test("all, any and not combine verdicts and carry up the messages and hints of failing parts")
  func combinators() async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }",
      grader: """
          t:
            checks:
              - all: [{ resource: ns, name: default }, { resource: ns, name: kube-system }]
              - all: [{ resource: ns, name: default }, { resource: ns, name: web, hint: Create web. }, { resource: ns, name: db }]
              - any: [{ resource: ns, name: web }, { resource: ns, name: default }]
              - any: [{ resource: ns, name: web }, { resource: ns, name: db }]
              - not: { resource: ns, name: default }
              - not: { resource: ns, name: web }
              - { not: { resource: ns, name: web }, hint: Own hint. }
        """)
    let task = try await fixture.grade().task("t")
    #expect(task.verdicts == [.pass, .fail, .pass, .fail, .fail, .pass, .pass])
    #expect(task.messages[1] == "namespace web not found; namespace db not found")
    #expect(task.checks[1].hint == "Create web.")
    #expect(task.messages[2] == "namespace default exists")
    #expect(task.messages[3] == "none of the alternatives holds: namespace web not found; namespace db not found")
    #expect(task.messages[4] == "expected this not to hold: namespace default exists")
    #expect(task.messages[5] == "namespace web not found")
    #expect(task.checks[6].hint == "Own hint.")
    #expect(task.hint == "Create web.")
  }

  @Test("combinators treat errors as the rules say: all fails over errors, any passes over them, not keeps them")
  func errorRules() {
    let pass = CheckOutcome.pass("p")
    let fail = CheckOutcome.fail("f")
    let error = CheckOutcome.error("e")
    #expect(CheckEvaluator.all([pass, error, fail]).verdict == .fail)
    #expect(CheckEvaluator.all([pass, error]).verdict == .error)
    #expect(CheckEvaluator.all([pass, error]).message == "e")
    #expect(CheckEvaluator.any([fail, error, pass]).verdict == .pass)
    #expect(CheckEvaluator.any([fail, error]).verdict == .error)
    #expect(CheckEvaluator.not(error).verdict == .error)
    #expect(CheckEvaluator.not(fail).verdict == .pass)
  }

  @Test("a task earns points by the weight of its passing checks; the grader's pass mark overrides the lab's")
  func partialCredit() async throws {
    let fixture = try GradingFixture(
      tasks: """
          - { id: heavy, ask: a, action: true }
          - { id: whole, ask: b, action: true }
          - { id: none, ask: c, action: true }
        """,
      grader: """
          heavy:
            points: 4
            checks: [{ resource: ns, name: default, points: 3 }, { resource: ns, name: web, points: 1 }]
          whole:
            points: 2
            checks: [{ resource: ns, name: default }]
          none:
            checks: [{ resource: ns, name: web }]
        """)
    var grader = fixture.grader
    let labReport = await LabGrading(lab: fixture.lab, grader: grader, cluster: fixture.test.cluster, workdir: nil)
      .grade(answers: [:])
    #expect(labReport.passMark == Lab.defaultPassMark)
    let heavy = try labReport.task("heavy")
    #expect(heavy.status == .partial)
    #expect(heavy.earned == 3)
    #expect(heavy.checks.map(\.weight) == [3, 1])
    #expect(heavy.checks.map(\.earned) == [3, 0])
    #expect(try labReport.task("whole").status == .passed)
    #expect(try labReport.task("none").status == .failed)
    #expect(labReport.points == 7)
    #expect(labReport.earned == 5)
    #expect(abs(labReport.percent - 500.0 / 7.0) < 1e-9)
    #expect(labReport.passed)
    // The report travels as JSON (the CLI's --json and the session file) with nothing lost.
    let decoded = try JSONDecoder().decode(GradeReport.self, from: JSONEncoder().encode(labReport))
    #expect(decoded.tasks.map(\.status) == labReport.tasks.map(\.status))
    #expect(decoded.tasks.flatMap(\.checks).map(\.message) == labReport.tasks.flatMap(\.checks).map(\.message))
    #expect(decoded.earned == 5)
    #expect(decoded.reads == labReport.reads)

    grader.passMark = 75
    let strict = await LabGrading(lab: fixture.lab, grader: grader, cluster: fixture.test.cluster, workdir: nil)
      .grade(answers: [:])
    #expect(strict.passMark == 75)
    #expect(!strict.passed)
  }
}
