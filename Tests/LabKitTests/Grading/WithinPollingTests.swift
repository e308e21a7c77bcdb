import KubeModel
import Testing

@testable import LabKit

@Suite("Grading with within: a failing check is polled until it passes or the time is up")
struct WithinPollingTests {
  static func configMap(_ name: String) -> JSON {
    ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["mode": "dev"]]
  }

  @Test("a check passes once a change made during grading shows up")
  func passesAfterChange() async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }",
      grader: "  t: { checks: [{ resource: cm, name: late, within: 30s }, { resource: pods, absent: true }] }")
    // The grader says it waits once its first evaluation found no ConfigMap: only then is it made.
    let (waiting, waits) = AsyncStream<Void>.makeStream()
    var grading = LabGrading(lab: fixture.lab, grader: fixture.grader, cluster: fixture.test.cluster, workdir: nil)
    grading.onWait = { _ in waits.yield() }
    let graded = Task { [grading] in await grading.grade(answers: [:]) }
    var iterator = waiting.makeAsyncIterator()
    await iterator.next()
    try await fixture.create("configmaps", Self.configMap("late"))
    let report = await graded.value
    let task = try report.task("t")
    #expect(task.verdicts == [.pass, .pass])
    #expect(task.messages[0] == "configmap late exists in namespace default")
    // The first reads of configmaps and pods, then at least one re-read of configmaps alone.
    #expect(report.reads >= 3)
  }

  @Test("a check that never passes fails after its time, saying how long it waited")
  func failsAfterTime() async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }",
      grader: "  t: { checks: [{ resource: cm, name: never, within: 1s, hint: Create it. }] }")
    let report = await fixture.grade()
    let task = try report.task("t")
    #expect(task.status == .failed)
    #expect(task.messages == ["configmap never not found in namespace default (after waiting 1s)"])
    #expect(task.hint == "Create it.")
    #expect(report.reads >= 2)
  }
}
