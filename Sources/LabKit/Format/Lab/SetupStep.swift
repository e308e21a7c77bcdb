import KubeModel

/// One step of a lab's setup, run in order by `kubelab start`.
public enum SetupStep: Sendable {
  /// A manifest file under the lab folder (multi-document YAML allowed).
  case apply(Located<String>)
  /// Create this namespace.
  case namespace(Located<String>)
  /// Wait until objects are there (and meet a condition).
  case wait(WaitStep)
  /// A shell command run with KUBECONFIG set.
  case run(Located<String>)
}

/// `wait: {resource, namespace?, selector?, name?, count?, condition?, within?}`.
public struct WaitStep: Sendable {
  public var query: ObjectQuery
  /// How many objects must be there (default: at least one).
  public var count: Int?
  /// A status condition type that must be True, e.g. `Ready` or `Available`.
  public var condition: String?
  public var within: Duration?
}
