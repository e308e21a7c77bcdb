/// How a child process ended.
public enum ProcessTermination: Sendable, Equatable {
  case exited(Int32)
  case signalled(Int32)
  /// Reaped by another waiter of this process: how it ended is not known.
  case lost

  /// Decodes a `waitpid` status.
  init(waitStatus: Int32) {
    let signal = waitStatus & 0x7f
    self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
  }

  /// The status a shell reports: the exit code, or 128 plus the signal's number.
  public var shellStatus: Int32 {
    switch self {
    case .exited(let code): code
    case .signalled(let signal): 128 + signal
    case .lost: 255
    }
  }
}
