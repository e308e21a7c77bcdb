import KubeModel

/// One check of a grader task, with what every check may carry.
public struct Check: Sendable {
  public var kind: CheckKind
  /// Shown to the learner when the check fails.
  public var hint: String?
  /// The check's weight within its task's points (default 1).
  public var points: Double
  /// Poll the check until it passes or this much time has gone by.
  public var within: Duration?
  public var position: SourcePosition
}

/// What a check asserts.
///
/// An indirect enum rather than a protocol family: the vocabulary is closed (it is the file format),
/// and every consumer (decoder, linter, grader, self-test, docs) must handle each kind, which an
/// exhaustive `switch` enforces at compile time; combinators nest checks, hence `indirect`.
public indirect enum CheckKind: Sendable {
  case objects(ObjectQuery, ObjectAssertion)
  case all([Check])
  case any([Check])
  case not(Check)
  /// A shell command run with KUBECONFIG set (inside `node`'s shell when given, as `kubelab ssh`
  /// runs it); passes on exit status 0.
  case script(String, node: String?)
  case file(FileCheck)
  /// A command run in a pod's container with `kubectl exec`; passes on exit status 0, or on
  /// output matching `matches` when given.
  case exec(ExecCheck)
}

/// What must hold of the objects a check selects.
public enum ObjectAssertion: Sendable {
  case exists
  case absent
  case count(CountRange)
  /// A partial object: maps are subsets, list elements match distinct elements (in order when `ordered`).
  case match(JSON, ordered: Bool)
  case jsonpath(JSONPathTemplate, ValueComparison)
}

/// An exact count (`min == max`) or bounds.
public struct CountRange: Hashable, Sendable {
  public var min: Int?
  public var max: Int?
}

/// How a JSONPath result is compared: as text for the first four, as a number for the others.
public enum ValueComparison: Hashable, Sendable {
  case equals(String)
  case `in`([String])
  case contains(String)
  case matches(String)
  case greaterThan(Double)
  case atLeast(Double)
  case lessThan(Double)
  case atMost(Double)
}

/// A file the learner was asked to write (killer.sh's /opt/course/N style).
public struct FileCheck: Hashable, Sendable {
  public enum Condition: Hashable, Sendable {
    case exists(Bool)
    case contains(String)
    case matches(String)
  }

  public var path: String
  public var condition: Condition
  /// The sandbox node whose file it is (nil: the learner's machine).
  public var node: String? = nil
}

/// Runs a command inside a container, as a learner would probe from a pod ("frontend reaches api
/// on 8080, not db").
public struct ExecCheck: Hashable, Sendable {
  public enum Target: Hashable, Sendable {
    case pod(String)
    /// The first running pod the label selector matches.
    case selector(String)
  }

  public var target: Target
  /// Nil means the lab's namespace.
  public var namespace: String?
  /// Nil means the pod's default container.
  public var container: String?
  /// The command and its arguments; a single string runs with `sh -c`.
  public var command: [String]
  /// A regular expression the output must match instead of exit status 0.
  public var matches: String?
}
