/// Why a session could not be read or written.
public enum SessionStoreError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The file exists but is not a session (damaged, or from another version).
  case unreadable(String, String)
  case io(String, String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "the session file \(file) cannot be read: \(reason); remove it to start over"
    case .io(let file, let reason): return "\(file): \(reason)"
    }
  }
}
