import Foundation

/// What `kubelab test` found for one lab: per task, how the untouched cluster and the replayed
/// solution graded, and every problem that makes the lab unfit to publish.
public struct SelfTestReport: Codable, Sendable {
  public struct TaskReport: Codable, Sendable {
    public var id: String
    /// The grade before any solution ran: an action must earn nothing.
    public var untouched: TaskResult?
    /// The grade after every solution ran: every task must earn its full points.
    public var solved: TaskResult?
    /// Empty when the task passed its self-test.
    public var problems: [String]

    public var passed: Bool { problems.isEmpty }
  }

  public var lab: String
  /// Set when the lab could not even be provisioned; then no task was graded.
  public var setupProblem: String?
  public var tasks: [TaskReport]
  public var seconds: Double

  public var passed: Bool { setupProblem == nil && tasks.allSatisfy(\.passed) }

  public init(lab: String, setupProblem: String?, tasks: [TaskReport], seconds: Double) {
    self.lab = lab
    self.setupProblem = setupProblem
    self.tasks = tasks
    self.seconds = seconds
  }
}
