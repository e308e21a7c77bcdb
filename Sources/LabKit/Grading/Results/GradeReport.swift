import Foundation

/// The result of one grading pass over a lab's tasks.
public struct GradeReport: Codable, Sendable {
  public var lab: String
  public var tasks: [TaskResult]
  /// The points of the graded tasks.
  public var points: Double
  public var earned: Double
  /// `earned` as a percentage of `points` (0 when there are no points).
  public var percent: Double
  /// The percentage needed to pass: the grader's, else the lab's.
  public var passMark: Double
  public var passed: Bool
  /// API requests the pass made (distinct reads, plus re-reads while polling `within` checks).
  public var reads: Int
  public var gradedAt: Date

  /// Tasks that could not be graded fully: their score may be too low through no fault of the learner.
  public var hasErrors: Bool { tasks.contains { $0.status == .error } }

  public init(
    lab: String, tasks: [TaskResult], passMark: Double, reads: Int, gradedAt: Date = Date()
  ) {
    self.lab = lab
    self.tasks = tasks
    points = tasks.reduce(0) { $0 + $1.points }
    earned = tasks.reduce(0) { $0 + $1.earned }
    percent = points > 0 ? earned / points * 100 : 0
    self.passMark = passMark
    passed = points > 0 && percent >= passMark
    self.reads = reads
    self.gradedAt = gradedAt
  }
}
