/// What the runner is doing, for a terminal to show as it goes.
public enum RunnerProgress: Sendable, Equatable, CustomStringConvertible {
  /// A setup step begins: its number (1-based), the step count and what it does.
  case step(Int, of: Int, String)
  case createdNamespace(String)
  /// `Deployment web in namespace shop applied`.
  case applied(Provisioning.Object)
  /// The state of a wait, each time it changes: `waiting for 3 pods (app=web) in namespace web: 1/3`.
  case waiting(String)
  case copied(String)
  /// A workdir file already there with other contents, which is not overwritten.
  case keptExistingFile(String)
  case rollingBack(String)
  case deleted(String)
  case removedFile(String)
  /// A copied file the learner changed, which `stop` leaves.
  case keptChangedFile(String)

  public var description: String {
    switch self {
    case .step(let number, let count, let what): return "step \(number)/\(count): \(what)"
    case .createdNamespace(let name): return "created namespace \(name)"
    case .applied(let object): return "applied \(object)"
    case .waiting(let state): return state
    case .copied(let path): return "copied \(path)"
    case .keptExistingFile(let path): return "kept \(path): it exists with other contents"
    case .rollingBack(let reason): return "setup failed, undoing it: \(reason)"
    case .deleted(let what): return "deleted \(what)"
    case .removedFile(let path): return "removed \(path)"
    case .keptChangedFile(let path): return "kept \(path): it was changed"
    }
  }
}
