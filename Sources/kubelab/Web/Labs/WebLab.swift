import Foundation
import LabKit

/// A lab started from the page: provisioning as it goes, then its session context, its sandbox
/// (with `--sandbox`, one per lab, living as long as the server) and the last whole-lab grading.
final class WebLab: @unchecked Sendable {
  enum Phase: String, Encodable {
    case provisioning
    case ready
    case failed
  }

  let loaded: LoadedLab
  private let lock = NSLock()
  private var _phase = Phase.provisioning
  private var _progress: [String] = []
  private var _failure: String?
  private var _context: LabSessionContext?
  private var _sandbox: InProcessSandbox?
  private var _waiting: String?
  private var _report: GradeReport?

  init(loaded: LoadedLab) {
    self.loaded = loaded
  }

  var phase: Phase { lock.withLock { _phase } }
  var progress: [String] { lock.withLock { _progress } }
  var failure: String? { lock.withLock { _failure } }
  /// What a running Check waits for (`within` checks being polled), while it waits.
  var waiting: String? { lock.withLock { _waiting } }
  /// The latest grading of the whole lab.
  var report: GradeReport? { lock.withLock { _report } }
  var sandbox: InProcessSandbox? { lock.withLock { _sandbox } }

  /// The session context once the lab is provisioned; a conflict before.
  func context() throws -> LabSessionContext {
    guard let context = lock.withLock({ _context }) else {
      throw WebError.conflict(
        failure.map { "the lab \(loaded.id) could not start: \($0)" }
          ?? "the lab \(loaded.id) is still being set up")
    }
    return context
  }

  func record(progress line: String) { lock.withLock { _progress.append(line) } }
  func record(sandbox: InProcessSandbox) { lock.withLock { _sandbox = sandbox } }
  func record(waiting: String?) { lock.withLock { _waiting = waiting } }
  func record(report: GradeReport) { lock.withLock { _report = report } }

  func ready(_ context: LabSessionContext) {
    lock.withLock {
      _context = context
      _phase = .ready
    }
  }

  func failed(_ reason: String) {
    lock.withLock {
      _failure = reason
      _phase = .failed
    }
  }

  /// Whether the lab's countdown is over: from then on it is practised ungraded.
  func timeIsUp(_ session: Session, now: Date = Date()) -> Bool { session.deadline.map { now >= $0 } ?? false }
}
