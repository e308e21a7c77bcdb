import Foundation
import KubeModel
import Synchronization
import Testing

@testable import LabKit

/// A whole-lab pass (`WaitPolicy.startedWork`) waits only for work under way; what it waits for
/// is told; an interruption (Ctrl-C) ends the wait and keeps the grades found so far.
@Suite("Which within checks a grading pass waits for")
struct WaitPolicyTests {
  /// Records what `onWait` was told, and interrupts the wait as soon as it is told, as a learner
  /// pressing Ctrl-C would: the test never waits out a `within`.
  final class WaitRecorder: Sendable {
    private let recorded = Mutex<[[PendingWait]]>([])
    let interruption = WaitInterruption()

    var waits: [[PendingWait]] { recorded.withLock { $0 } }

    func told(_ waits: [PendingWait]) {
      recorded.withLock { $0.append(waits) }
      interruption.request()
    }
  }

  static let tasks = """
      - { id: untouched, ask: a, action: true }
      - { id: started, ask: b, action: true }
    """
  // `untouched`: nothing passes, so nothing is waited for. `started`: its first check passes; its
  // second is about an object that exists (waited for), its third about one that does not.
  static let grader = """
      untouched: { checks: [{ resource: cm, name: never, within: 10m }, { resource: cm, name: other, jsonpath: .data.mode, equals: prod, within: 10m }] }
      started:
        checks:
          - { resource: cm, name: here }
          - { resource: cm, name: here, jsonpath: .data.mode, equals: prod, within: 10m }
          - { resource: cm, name: missing, jsonpath: .data.mode, equals: prod, within: 10m }
    """

  static func configMap(_ name: String) -> JSON {
    ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["mode": "dev"]]
  }

  private func grade(_ fixture: GradingFixture, _ policy: WaitPolicy, _ recorder: WaitRecorder) async -> GradeReport {
    var grading = LabGrading(lab: fixture.lab, grader: fixture.grader, cluster: fixture.test.cluster, workdir: nil)
    grading.waiting = policy
    grading.onWait = recorder.told
    grading.interruption = recorder.interruption
    return await grading.grade(answers: [:])
  }

  @Test("a whole-lab pass waits only for a started task's existing objects, and says what it waits for")
  func startedWorkOnly() async throws {
    let fixture = try GradingFixture(tasks: Self.tasks, grader: Self.grader)
    for name in ["here", "other"] { try await fixture.create("configmaps", Self.configMap(name)) }
    let recorder = WaitRecorder()
    let report = await grade(fixture, .startedWork, recorder)

    #expect(
      recorder.waits == [
        [
          PendingWait(
            task: "started", within: .seconds(600),
            found: "configmap here in namespace default: {.data.mode} is \"dev\", expected \"prod\"")
        ]
      ])
    let untouched = try report.task("untouched")
    #expect(untouched.verdicts == [.fail, .fail])
    #expect(untouched.messages.allSatisfy { !$0.contains("waiting") }, "\(untouched.messages)")
    let started = try report.task("started")
    #expect(started.verdicts == [.pass, .fail, .fail])
    #expect(started.messages[1].contains("expected \"prod\" (stopped waiting after"), "\(started.messages[1])")
    #expect(started.messages[2] == "configmap missing not found in namespace default")
  }

  @Test("a named task waits for every failing within check; an interruption keeps what was found")
  func alwaysWaits() async throws {
    let fixture = try GradingFixture(tasks: Self.tasks, grader: Self.grader)
    try await fixture.create("configmaps", Self.configMap("here"))
    let recorder = WaitRecorder()
    let report = await grade(fixture, .always, recorder)
    #expect(recorder.waits.first?.map(\.task) == ["untouched", "untouched", "started", "started"])
    for task in report.tasks {
      for (check, message) in zip(task.checks, task.messages) where check.verdict != .pass {
        #expect(message.contains("(stopped waiting after"), "\(message)")
      }
    }
  }

  @Test("the self-test's untouched pass never waits")
  func neverWaits() async throws {
    let fixture = try GradingFixture(tasks: Self.tasks, grader: Self.grader)
    try await fixture.create("configmaps", Self.configMap("here"))
    let recorder = WaitRecorder()
    _ = await grade(fixture, .never, recorder)
    #expect(recorder.waits.isEmpty)
  }
}
