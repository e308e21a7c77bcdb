import Foundation

/// Every terminal the server runs, by id, so a WebSocket can find its shell and a stopping server
/// can end them all.
final class TerminalRegistry: @unchecked Sendable {
  private let lock = NSLock()
  /// In the order they were opened: the page shows its tabs in that order.
  private var sessions: [TerminalSession] = []

  func add(_ session: TerminalSession) { lock.withLock { sessions.append(session) } }

  func session(_ id: String) -> TerminalSession? { lock.withLock { sessions.first { $0.id == id } } }

  /// The terminals of a lab whose shells still run, oldest first.
  func running(lab: String) -> [TerminalSession] {
    lock.withLock { sessions.filter { $0.lab == lab && !$0.hasExited } }
  }

  /// Ends every shell and waits (a few seconds at most) until they are gone.
  func endAll() {
    let all = lock.withLock { sessions }
    all.forEach { $0.end() }
    let deadline = Date().addingTimeInterval(5)
    // Shells exit asynchronously after their hang-up; their reader threads reap them.
    while all.contains(where: { !$0.hasExited }) && Date() < deadline { usleep(10_000) }
  }
}
