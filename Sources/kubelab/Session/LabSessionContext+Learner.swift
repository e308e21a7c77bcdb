import Foundation
import LabKit

/// What a learner does to a started lab, the same from every front end (the CLI commands, the
/// terminal practice test, the web page): answer, reveal a hint or a solution, flag a task.
extension LabSessionContext {
  /// Records the answer first, so it is never lost when the cluster cannot be reached, then
  /// grades it; the task's result.
  func answer(_ id: String, _ text: String) async throws -> TaskResult? {
    try updateSession { $0.answers[id] = RecordedAnswer(text: text, at: Date()) }
    return try await grade(tasks: [id]).tasks.first
  }

  /// After a missed answer or check that no check explains with a hint of its own, the task's
  /// next hint is revealed (nil when a check's hint says enough, or there are none).
  func hintAfterMiss(_ result: TaskResult) throws -> (hints: [String], revealed: Int)? {
    guard result.status == .failed || result.status == .partial, !result.checks.contains(where: { $0.hint != nil }),
      !(loaded.graderTask(result.id)?.hints ?? []).isEmpty
    else { return nil }
    return try revealHint(result.id)
  }

  /// Reveals the next hint of a task; its hints and how many of them are revealed now.
  func revealHint(_ id: String) throws -> (hints: [String], revealed: Int) {
    let hints = loaded.graderTask(id)?.hints ?? []
    let revealed = try updateSession { session in
      let next = min((session.hintsRevealed[id] ?? 0) + 1, hints.count)
      session.hintsRevealed[id] = next
      return next
    }
    return (hints, revealed)
  }

  /// The task's solution, recorded as revealed; nil when the grader gives none.
  func revealSolution(_ id: String) throws -> Solution? {
    guard let solution = loaded.graderTask(id)?.solution else { return nil }
    try updateSession { _ = $0.solutionsRevealed.insert(id) }
    return solution
  }
}
