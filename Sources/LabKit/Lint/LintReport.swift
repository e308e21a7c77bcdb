/// What `LabLinter` found: how many files of each kind it read (readable or not), and every problem in them.
public struct LintReport: Sendable {
  public var labCount: Int
  public var graderCount: Int
  /// Sorted by file, line and column.
  public var problems: [LabProblem]
  /// What is allowed but may mislead learners (options that read as positions), sorted the same way.
  public var warnings: [LabProblem] = []
}
