import Foundation
import LabKit

/// What the practice page's buttons do, through the same session methods as the CLI commands.
/// Once the lab's time is up, answers and checks are graded but not recorded: practice goes on
/// ungraded, the score stays the one at the end.
struct LabActions {
  let lab: WebLab
  let terminals: TerminalRegistry

  struct Answered: Encodable {
    var result: TaskResult
    /// Every hint revealed so far when a miss revealed one.
    var hints: [String]?
    var ungraded: Bool
  }

  func answer(task reference: String, text: String) async throws -> Answered {
    let context = try lab.context()
    let task = try context.task(reference)
    let id = task.id.value
    guard task.kind != .action else { throw WebError.badRequest("\(id) is done on the cluster: use Check") }
    let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !answer.isEmpty else { throw WebError.badRequest("give an answer first") }
    let ungraded = try lab.timeIsUp(context.session())
    let graded: TaskResult?
    if ungraded {
      graded = try await context.grade(tasks: [id], answers: [id: answer], record: false, onWait: onWait).tasks.first
    } else {
      graded = try await context.answer(id, answer)
    }
    guard let result = graded else { throw WebError.notFound("no result for \(id)") }
    let hints = try context.hintAfterMiss(result).map { Array($0.hints.prefix($0.revealed)) }
    return Answered(result: result, hints: hints, ungraded: ungraded)
  }

  /// Grades one task, or the whole lab (`task` nil), the latter kept as the results page's report.
  /// The countdown's end asks for the grading at the end (`atTheEnd`): it comes once the time is
  /// up, and is still recorded, once.
  func check(task reference: String?, atTheEnd: Bool = false) async throws -> GradeReport {
    let context = try lab.context()
    let ids = try reference.map { [try context.task($0).id.value] }
    let ungraded = try lab.timeIsUp(context.session()) && !(atTheEnd && ids == nil && lab.claimEndGrading())
    defer { lab.record(waiting: nil) }
    let report = try await context.grade(tasks: ids, record: !ungraded, onWait: onWait)
    if ids == nil && !ungraded { lab.record(report: report) }
    return report
  }

  /// The latest whole-lab grading, made now when there is none.
  func report() async throws -> GradeReport {
    if let report = lab.report { return report }
    return try await check(task: nil)
  }

  func hint(task reference: String) throws -> [String] {
    let context = try lab.context()
    let (hints, revealed) = try context.revealHint(try context.task(reference).id.value)
    return Array(hints.prefix(revealed))
  }

  func solution(task reference: String) throws -> String {
    let context = try lab.context()
    let id = try context.task(reference).id.value
    guard let solution = try context.revealSolution(id) else {
      throw WebError.notFound("the grader gives no solution for \(id)")
    }
    return SolutionText.render(solution)
  }

  func flag(task reference: String, on: Bool) throws {
    let context = try lab.context()
    let id = try context.task(reference).id.value
    try context.updateSession { $0.flag(id, on) }
  }

  /// A new terminal tab: bash in the lab's working directory, kubectl pointed at its cluster.
  func openTerminal() throws -> String {
    let context = try lab.context()
    let directory = try context.session().workdir ?? FileManager.default.currentDirectoryPath
    var environment = ProcessInfo.processInfo.environment.merging(context.cluster.shellEnvironment) { _, lab in lab }
    environment["TERM"] = "xterm-256color"
    // `kubelab answer`, `check`, … typed there work on this lab, whichever was started last.
    environment["KUBELAB_LAB"] = lab.loaded.id
    // `ssh NODE` logs into a node of the lab's sandbox, `ssh` lists them.
    environment["PATH"] = try TerminalSSH.install() + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    let terminal = try TerminalSession(lab: lab.loaded.id, environment: environment, directory: directory)
    terminals.add(terminal)
    return terminal.id
  }

  /// `Waiting up to 30s for create-nginx: pod nginx is Pending` while `within` checks are polled.
  private var onWait: @Sendable ([PendingWait]) -> Void {
    { [lab] waits in
      let longest = waits.map(\.within).max() ?? .zero
      let what = waits.map { "\($0.task): \($0.found)" }.joined(separator: "; ")
      lab.record(waiting: "Waiting up to \(longest.compactText) for \(what)")
    }
  }
}
