/// A check a grading pass is waiting for, as the learner is told: the task, how long at most, and
/// what the check finds now (`pod nginx in namespace default: .status.phase is "Pending"`).
public struct PendingWait: Sendable, Equatable {
  public var task: String
  public var within: Duration
  public var found: String
}
