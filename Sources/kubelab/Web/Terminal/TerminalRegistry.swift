import Foundation
import Synchronization

/// Every terminal the server runs, by id, so a WebSocket can find its shell and a stopping server
/// can end them all.
final class TerminalRegistry: Sendable {
  /// In the order they were opened: the page shows its tabs in that order.
  private let sessions = Mutex<[TerminalSession]>([])

  func add(_ session: TerminalSession) { sessions.withLock { $0.append(session) } }

  func session(_ id: String) -> TerminalSession? { sessions.withLock { $0.first { $0.id == id } } }

  /// The terminals of a lab whose shells still run, oldest first.
  func running(lab: String) -> [TerminalSession] {
    sessions.withLock { $0.filter { $0.lab == lab && !$0.hasExited } }
  }

  /// Ends every shell and waits (a few seconds at most) until they are gone.
  func endAll() {
    let all = sessions.withLock { $0 }
    all.forEach { $0.end() }
    let deadline = Date().addingTimeInterval(5)
    // Shells exit asynchronously after their hang-up; their reader threads reap them.
    while all.contains(where: { !$0.hasExited }) && Date() < deadline { usleep(10_000) }
  }
}
