import Foundation
import LabKit
import Synchronization

/// A lab started from the page: provisioning as it goes, then its session context, its sandbox
/// (with `--sandbox`, one per lab, living as long as the server) and the last whole-lab grading.
final class WebLab: Sendable {
  enum Phase: String, Encodable {
    case provisioning
    case ready
    case failed
  }

  let loaded: LoadedLab
  private let state = Mutex(State())

  private struct State {
    var phase = Phase.provisioning
    var progress: [String] = []
    var failure: String?
    var context: LabSessionContext?
    var sandbox: InProcessSandbox?
    var waiting: String?
    var report: GradeReport?
    var endGraded = false
  }

  init(loaded: LoadedLab) {
    self.loaded = loaded
  }

  var phase: Phase { state.withLock { $0.phase } }
  var progress: [String] { state.withLock { $0.progress } }
  var failure: String? { state.withLock { $0.failure } }
  /// What a running Check waits for (`within` checks being polled), while it waits.
  var waiting: String? { state.withLock { $0.waiting } }
  /// The latest grading of the whole lab.
  var report: GradeReport? { state.withLock { $0.report } }
  var sandbox: InProcessSandbox? { state.withLock { $0.sandbox } }

  /// The session context once the lab is provisioned; a conflict before.
  func context() throws -> LabSessionContext {
    guard let context = state.withLock({ $0.context }) else {
      throw WebError.conflict(
        failure.map { "the lab \(loaded.id) could not start: \($0)" }
          ?? "the lab \(loaded.id) is still being set up")
    }
    return context
  }

  func record(progress line: String) { state.withLock { $0.progress.append(line) } }
  func record(sandbox: InProcessSandbox) { state.withLock { $0.sandbox = sandbox } }
  func record(waiting: String?) { state.withLock { $0.waiting = waiting } }
  func record(report: GradeReport) { state.withLock { $0.report = report } }

  func ready(_ context: LabSessionContext) {
    state.withLock {
      $0.context = context
      $0.phase = .ready
    }
  }

  func failed(_ reason: String) {
    state.withLock {
      $0.failure = reason
      $0.phase = .failed
    }
  }

  /// Whether the lab's countdown is over: from then on it is practised ungraded.
  func timeIsUp(_ session: Session, now: Date = Date()) -> Bool { session.deadline.map { now >= $0 } ?? false }

  /// True the first time only: the grading at the end is recorded once, however many tabs ask.
  func claimEndGrading() -> Bool {
    state.withLock { state in
      defer { state.endGraded = true }
      return !state.endGraded
    }
  }
}
