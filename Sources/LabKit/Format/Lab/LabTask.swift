import KubeModel

/// One task of a lab, as the learner reads it.
public struct LabTask: Sendable {
  public enum Kind: Hashable, Sendable {
    /// Answered with free text.
    case question
    /// Answered with one of these options (by text, letter or number).
    case choice([String])
    /// Graded on the cluster's state.
    case action
  }

  public var id: Located<String>
  public var ask: String
  public var kind: Kind
}
