import Foundation
import Synchronization

/// A clock that moves only when a test moves it, as swift-nio's `EmbeddedEventLoop.advanceTime`
/// does: `advance(by:)` runs the work that falls due, in deadline order, each piece with the clock
/// set to its own deadline. So a test checks what a 30-second grace period or a cron minute does
/// in microseconds, and the same steps happen on every run.
///
/// Work runs on the queue it was scheduled on, and `advance` waits for each piece; what that work
/// sets off asynchronously (a controller hearing of a change through a watch) may still be on its
/// way when `advance` returns. Call `advance` from a test, never from the queue itself.
public final class ManualClock: SandboxClock, Sendable {
  private struct Timer {
    var deadline: Date
    /// Keeps timers with the same deadline in the order they were scheduled.
    var sequence: Int
    var queue: DispatchQueue
    var work: @Sendable () -> Void
  }

  private struct State {
    var current: Date
    var timers: [Timer] = []
    var sequence = 0
  }

  // Work runs outside the lock, since work reads the clock and schedules more.
  private let state: Mutex<State>

  public init(now: Date = Date()) {
    state = Mutex(State(current: now))
  }

  public var now: Date { state.withLock { $0.current } }

  /// When the earliest pending work falls due, if any is pending.
  public var nextDeadline: Date? { state.withLock { $0.timers.map(\.deadline).min() } }

  public func schedule(at deadline: Date, on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void) {
    let due: Bool = state.withLock { state in
      guard deadline > state.current else { return true }
      state.sequence += 1
      state.timers.append(Timer(deadline: deadline, sequence: state.sequence, queue: queue, work: work))
      return false
    }
    if due { queue.async(execute: work) }
  }

  /// Moves the clock `seconds` ahead, running every piece of work that falls due on the way,
  /// including work that the work itself schedules within the interval.
  public func advance(by seconds: TimeInterval) {
    let target = state.withLock { $0.current.addingTimeInterval(max(0, seconds)) }
    while let timer = takeTimer(dueBy: target) {
      timer.queue.sync(execute: timer.work)
    }
    state.withLock { $0.current = max($0.current, target) }
  }

  /// Removes the earliest timer due by `target` and moves the clock to its deadline.
  private func takeTimer(dueBy target: Date) -> Timer? {
    state.withLock { state in
      guard
        let index = state.timers.indices.min(by: {
          (state.timers[$0].deadline, state.timers[$0].sequence)
            < (state.timers[$1].deadline, state.timers[$1].sequence)
        }), state.timers[index].deadline <= target
      else { return nil }
      let timer = state.timers.remove(at: index)
      state.current = max(state.current, timer.deadline)
      return timer
    }
  }
}
