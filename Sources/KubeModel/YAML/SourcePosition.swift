/// Where something was written: a file (when known) and a 1-based line and column.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
  public var file: String?
  public var line: Int
  public var column: Int

  public init(file: String? = nil, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, or `line:column` when the text did not come from a file.
  public var description: String {
    guard let file else { return "\(line):\(column)" }
    return "\(file):\(line):\(column)"
  }
}
