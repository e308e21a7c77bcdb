import Foundation

/// A clock that moves only when a test moves it, as swift-nio's `EmbeddedEventLoop.advanceTime`
/// does: `advance(by:)` runs the work that falls due, in deadline order, each piece with the clock
/// set to its own deadline. So a test checks what a 30-second grace period or a cron minute does
/// in microseconds, and the same steps happen on every run.
///
/// Work runs on the queue it was scheduled on, and `advance` waits for each piece; what that work
/// sets off asynchronously (a controller hearing of a change through a watch) may still be on its
/// way when `advance` returns. Call `advance` from a test, never from the queue itself.
public final class ManualClock: SandboxClock, @unchecked Sendable {
  private struct Timer {
    var deadline: Date
    /// Keeps timers with the same deadline in the order they were scheduled.
    var sequence: Int
    var queue: DispatchQueue
    var work: @Sendable () -> Void
  }

  // The lock guards `current`, `timers` and `sequence`; work runs outside it, since work reads the
  // clock and schedules more.
  private let lock = NSLock()
  private var current: Date
  private var timers: [Timer] = []
  private var sequence = 0

  public init(now: Date = Date()) {
    current = now
  }

  public var now: Date { lock.withLock { current } }

  /// When the earliest pending work falls due, if any is pending.
  public var nextDeadline: Date? { lock.withLock { timers.map(\.deadline).min() } }

  public func schedule(at deadline: Date, on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void) {
    let due: Bool = lock.withLock {
      guard deadline > current else { return true }
      sequence += 1
      timers.append(Timer(deadline: deadline, sequence: sequence, queue: queue, work: work))
      return false
    }
    if due { queue.async(execute: work) }
  }

  /// Moves the clock `seconds` ahead, running every piece of work that falls due on the way,
  /// including work that the work itself schedules within the interval.
  public func advance(by seconds: TimeInterval) {
    let target = lock.withLock { current.addingTimeInterval(max(0, seconds)) }
    while let timer = takeTimer(dueBy: target) {
      timer.queue.sync(execute: timer.work)
    }
    lock.withLock { current = max(current, target) }
  }

  /// Removes the earliest timer due by `target` and moves the clock to its deadline.
  private func takeTimer(dueBy target: Date) -> Timer? {
    lock.withLock {
      guard
        let index = timers.indices.min(by: {
          (timers[$0].deadline, timers[$0].sequence) < (timers[$1].deadline, timers[$1].sequence)
        }), timers[index].deadline <= target
      else { return nil }
      let timer = timers.remove(at: index)
      current = max(current, timer.deadline)
      return timer
    }
  }
}
