import Foundation

/// One learner's run of one lab on one cluster: answers, scores, every grading, revealed help and
/// what `start` provisioned. Kept by `SessionStore` between commands.
public struct Session: Codable, Sendable, Equatable {
  public var lab: String
  /// The cluster's name (`LabCluster.name`).
  public var cluster: String
  public var startedAt: Date
  /// When the lab's countdown ends, if it has one.
  public var deadline: Date?
  /// Task id → the learner's latest answer.
  public var answers: [String: RecordedAnswer] = [:]
  /// Task id → the score that counts.
  public var scores: [String: TaskScore] = [:]
  /// Every grading of every task, oldest first.
  public var history: [GradeEvent] = []
  /// Task id → how many hints were shown.
  public var hintsRevealed: [String: Int] = [:]
  public var solutionsRevealed: Set<String> = []
  /// Tasks the learner flagged to come back to later; nil when none (and in files written before
  /// flags existed).
  public var flagged: Set<String>?
  public var provisioning: Provisioning?
  /// Where workdir files were copied.
  public var workdir: String?
  /// The folder of the lab's lab.yaml when it was started, so that later commands find the lab
  /// from any folder without `--labs`.
  public var labFolder: String?

  public init(lab: String, cluster: String, startedAt: Date, deadline: Date? = nil) {
    self.lab = lab
    self.cluster = cluster
    self.startedAt = startedAt
    self.deadline = deadline
  }

  /// Flags a task to come back to, or clears its flag.
  public mutating func flag(_ task: String, _ on: Bool) {
    var tasks = flagged ?? []
    if on { tasks.insert(task) } else { tasks.remove(task) }
    flagged = tasks.isEmpty ? nil : tasks
  }

  /// Points earned over the graded tasks.
  public var score: Double { scores.values.reduce(0) { $0 + $1.earned } }
  /// Points available over the graded tasks.
  public var points: Double { scores.values.reduce(0) { $0 + $1.points } }

  /// Records a grade. An `error` (the grader could not look) is only added to the history: it
  /// never lowers or replaces an earlier score.
  public mutating func record(task: String, status: TaskResult.Status, earned: Double, points: Double, at: Date) {
    history.append(GradeEvent(task: task, status: status, earned: earned, points: points, at: at))
    if status == .error, scores[task] != nil { return }
    scores[task] = TaskScore(earned: status == .error ? 0 : earned, points: points, status: status, at: at)
  }
}

/// A learner's answer and when it was given.
public struct RecordedAnswer: Codable, Sendable, Equatable {
  public var text: String
  public var at: Date

  public init(text: String, at: Date) {
    self.text = text
    self.at = at
  }
}

/// The score of one task as it last counted.
public struct TaskScore: Codable, Sendable, Equatable {
  public var earned: Double
  public var points: Double
  public var status: TaskResult.Status
  public var at: Date

  public init(earned: Double, points: Double, status: TaskResult.Status, at: Date) {
    self.earned = earned
    self.points = points
    self.status = status
    self.at = at
  }
}

/// One grading of one task, as the history keeps it.
public struct GradeEvent: Codable, Sendable, Equatable {
  public var task: String
  public var status: TaskResult.Status
  public var earned: Double
  public var points: Double
  public var at: Date

  public init(task: String, status: TaskResult.Status, earned: Double, points: Double, at: Date) {
    self.task = task
    self.status = status
    self.earned = earned
    self.points = points
    self.at = at
  }
}
