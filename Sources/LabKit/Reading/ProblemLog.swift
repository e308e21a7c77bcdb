import KubeModel

/// Collects problems while a file is decoded; a class so that nested readers share one log.
final class ProblemLog {
  private(set) var problems: [LabProblem] = []

  func add(_ message: String, at position: SourcePosition) {
    problems.append(LabProblem(message, at: position))
  }
}
