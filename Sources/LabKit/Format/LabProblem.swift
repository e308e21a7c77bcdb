import KubeModel

/// One problem found in a lab or grader file, located so that an editor can jump to it.
public struct LabProblem: Hashable, Sendable, CustomStringConvertible {
  public var position: SourcePosition
  public var message: String

  public init(_ message: String, at position: SourcePosition) {
    self.message = message
    self.position = position
  }

  /// `file:line:column: message`.
  public var description: String { "\(position): \(message)" }

  /// Orders problems by file, then line, then column, so that reports read top to bottom.
  public static func sortedByPosition(_ problems: [LabProblem]) -> [LabProblem] {
    problems.sorted {
      ($0.position.file ?? "", $0.position.line, $0.position.column, $0.message)
        < ($1.position.file ?? "", $1.position.line, $1.position.column, $1.message)
    }
  }
}
