import Foundation

extension Process {
  /// Sends `signal`, then SIGKILL if the child is still there after `grace` seconds, and waits for
  /// its exit. A child spawned from a Swift worker thread inherits that thread's blocked signals,
  /// and one that never stops would hold the test (and swift test, reading the pipes it inherited)
  /// for ever; the kill is a deadline, not a pause: an obedient child ends the wait at once.
  public func end(with signal: Int32, grace: TimeInterval = 30) {
    guard isRunning else { return }
    let pid = processIdentifier
    kill(pid, signal)
    let deadline = DispatchWorkItem { [self] in if isRunning { kill(pid, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + grace, execute: deadline)
    waitUntilExit()
    deadline.cancel()
  }
}
