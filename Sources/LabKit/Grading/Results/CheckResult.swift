/// The outcome of one check of a task (or of the answer to a question), as the learner sees it.
public struct CheckResult: Codable, Sendable {
  public var verdict: Verdict
  /// What was found, naming the object and field, e.g. `found 2 pods with app=web in namespace web,
  /// expected 3`.
  public var message: String
  /// The grader's hint for this check (or, for a combinator without one, of its first failing part).
  public var hint: String?
  /// The check's weight within its task.
  public var weight: Double
  /// The task points this check earned: its share of the task's points when it passed, else 0.
  public var earned: Double

  public init(verdict: Verdict, message: String, hint: String?, weight: Double, earned: Double) {
    self.verdict = verdict
    self.message = message
    self.hint = hint
    self.weight = weight
    self.earned = earned
  }
}
