import KubeModel

/// Why a lab could not be started or stopped: the setup step (with where it is written) and the
/// reason.
public struct RunnerError: Error, Sendable, CustomStringConvertible {
  /// The 1-based number of the failed setup step; nil for work outside the steps (the lab's
  /// namespace, workdir files, stop).
  public var step: Int?
  /// What was being done: `apply setup/web.yaml`, `copy workdir files`.
  public var what: String
  /// Where the step is written in lab.yaml.
  public var position: SourcePosition?
  public var reason: String
  /// What a rollback could not undo, left for `kubelab stop`.
  public var leftBehind: [String] = []

  public init(step: Int?, what: String, position: SourcePosition?, reason: String) {
    self.step = step
    self.what = what
    self.position = position
    self.reason = reason
  }

  public var description: String {
    let at = position.map { ", \($0)" } ?? ""
    let subject =
      step.map { "setup step \($0) (\(what)\(at))" } ?? "\(what)\(at.isEmpty ? "" : " (\(at.dropFirst(2)))")"
    let rest = leftBehind.isEmpty ? "" : "; could not undo: \(leftBehind.joined(separator: "; "))"
    return "\(subject) failed: \(reason)\(rest)"
  }
}
