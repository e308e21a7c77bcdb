/// How one task of a lab was graded.
public struct TaskResult: Codable, Sendable {
  public enum Kind: String, Codable, Sendable {
    case question
    case choice
    case action
  }

  public enum Status: String, Codable, Sendable {
    /// Every check passed (or the answer is right).
    case passed
    /// Some checks passed, none could not be evaluated.
    case partial
    case failed
    /// At least one check could not be evaluated; the learner is not marked wrong for it.
    case error
    /// A question or choice with no answer given.
    case unanswered
  }

  public var id: String
  public var kind: Kind
  public var status: Status
  public var points: Double
  public var earned: Double
  /// The learner's answer, as given (questions and choices).
  public var answer: String?
  public var checks: [CheckResult]
  /// The hint of the first failed check.
  public var hint: String?

  public init(
    id: String, kind: Kind, status: Status, points: Double, earned: Double, answer: String?, checks: [CheckResult],
    hint: String?
  ) {
    self.id = id
    self.kind = kind
    self.status = status
    self.points = points
    self.earned = earned
    self.answer = answer
    self.checks = checks
    self.hint = hint
  }
}
