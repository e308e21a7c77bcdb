import Foundation
import LabKit

/// Everything the practice page shows of a lab, read fresh from the session file at each request:
/// what `kubelab answer`, `hint` or `check` did in a shell shows at the page's next refresh.
struct LabPage: Encodable {
  struct Task: Encodable {
    var number: Int
    var id: String
    var kind: String
    var ask: String
    var choices: [String]?
    var points: Double
    /// `passed`, `failed`, …, or `not checked`.
    var status: String
    var earned: Double?
    var answer: String?
    /// The hints revealed so far, and how many there are.
    var hints: [String]
    var hintCount: Int
    var hasSolution: Bool
    /// The solution, once revealed.
    var solution: String?
    var flagged: Bool
  }

  var id: String
  var title: String
  var summary: String?
  var phase: WebLab.Phase
  var progress: [String]
  var failure: String?
  var passMark: Double
  /// The lab's duration in seconds, and what is left of it (negative once over).
  var duration: Int?
  var secondsLeft: Int?
  var waiting: String?
  var tasks: [Task]
  var earned: Double
  var points: Double
  var percent: Double
  var passed: Bool
  /// The terminal tabs whose shells run, oldest first.
  var terminals: [String]
  var workdir: String?

  init(lab: WebLab, terminals: TerminalRegistry, now: Date = Date()) throws {
    let loaded = lab.loaded
    id = loaded.id
    title = loaded.lab.title
    summary = loaded.lab.summary
    phase = lab.phase
    progress = lab.progress
    failure = lab.failure
    waiting = lab.waiting
    duration = loaded.lab.duration.map { Int($0.components.seconds) }
    self.terminals = terminals.running(lab: loaded.id).map(\.id)
    let session = phase == .ready ? try lab.context().session() : nil
    let status = session.map { SessionStatus(session: $0, loaded: loaded, now: now) }
    passMark = status?.passMark ?? loaded.grader.passMark ?? loaded.lab.passMark
    secondsLeft = status?.secondsLeft
    earned = status?.earned ?? 0
    points = status?.points ?? 0
    percent = status?.percent ?? 0
    passed = status?.passed ?? false
    workdir = session?.workdir
    tasks = loaded.lab.tasks.enumerated().map { index, task in
      let id = task.id.value
      let graderTask = loaded.graderTask(id)
      let hints = graderTask?.hints ?? []
      let revealed = session?.solutionsRevealed.contains(id) ?? false
      return Task(
        number: index + 1, id: id, kind: TaskText.kind(task), ask: task.ask, choices: TaskText.choices(task),
        points: graderTask?.points ?? 1, status: session?.scores[id]?.status.rawValue ?? "not checked",
        earned: session?.scores[id]?.earned, answer: session?.answers[id]?.text,
        hints: Array(hints.prefix(session?.hintsRevealed[id] ?? 0)), hintCount: hints.count,
        hasSolution: graderTask?.solution != nil,
        solution: revealed ? graderTask?.solution.map(SolutionText.render) : nil,
        flagged: session?.flagged?.contains(id) ?? false)
    }
  }
}
