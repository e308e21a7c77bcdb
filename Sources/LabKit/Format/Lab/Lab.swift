import KubeModel

/// `Labs/<id>/lab.yaml`: what the learner sees and what `kubelab start` provisions.
public struct Lab: Sendable {
  public var id: Located<String>
  public var title: String
  public var summary: String?
  public var tags: [String]
  /// An optional countdown.
  public var duration: Duration?
  public var topology: LabTopology
  /// The default namespace of the lab's tasks.
  public var namespace: String
  /// Percent of the points needed to pass; a grader may override it.
  public var passMark: Double
  public var setup: [SetupStep]
  /// Files (relative to the lab folder) copied into the learner's working directory.
  public var workdir: [Located<String>]
  public var tasks: [LabTask]
  /// The lab.yaml this was read from.
  public var file: String

  public static let defaultPassMark = 66.0
}
