import KubeModel

/// `Graders/<id>.yaml`: the answer key of one lab.
public struct Grader: Sendable {
  /// The id of the lab this grades.
  public var lab: Located<String>
  /// Overrides the lab's pass mark when set.
  public var passMark: Double?
  /// In the order written.
  public var tasks: [GraderTask]
  /// The file this was read from.
  public var file: String
}

/// How one task is graded.
public struct GraderTask: Sendable {
  public var id: Located<String>
  public var points: Double
  public var answer: Answer?
  public var checks: [Check]
  /// Revealed one at a time by `kubelab hint`.
  public var hints: [String]
  public var solution: Solution?
}

/// How to solve a task, shown on request and replayed by the self-test.
public enum Solution: Sendable {
  /// Shell commands run in order with KUBECONFIG set.
  case commands([String])
  /// Manifests to apply (one or more documents).
  case manifest([JSON])
}
