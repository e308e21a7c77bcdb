import KubeModel

/// The right answer to a question or choice task.
public enum Answer: Sendable {
  case fixed(StaticAnswer)
  /// The number of objects a query selects, read from the cluster when grading.
  case count(ObjectQuery)
  /// A field of the one object a query selects (`resource` + `name` or a selector + `jsonpath`),
  /// read from the cluster when grading; `extract`, a regular expression, picks its first capture
  /// group out of that text (one flag of a command line, say). `kind` says how spellings compare
  /// (an image when the grader says `as: image` or the template reads an `image` field).
  case field(ObjectQuery, JSONPathTemplate, extract: String?, kind: ValueKind)
  /// A sandbox node's file, read through the node's shell when grading.
  case nodeFile(NodeFileAnswer)
}

/// An answer written in the grader file.
public struct StaticAnswer: Hashable, Sendable {
  public enum Rule: Hashable, Sendable {
    /// Any one of these texts (one for `answer: text`, several for `anyOf`).
    case text([String])
    /// Numerically equal (`answer: 3` also accepts `3.0`).
    case number(Double)
    /// The same items in any order, written separated by commas.
    case set([String])
    /// The whole answer matches this regular expression.
    case regex(String)
  }

  public var rule: Rule
  /// Text comparisons ignore case unless the grader sets `caseSensitive: true`.
  public var caseSensitive: Bool
  /// How the texts of `text`, `anyOf` and `set` compare (`as:` in the grader).
  public var kind: ValueKind = .text
  public var position: SourcePosition
  /// For a regex: one answer it accepts, which lint checks and the self-test gives.
  public var example: String? = nil
}
