import Foundation

/// The real time, with work scheduled on dispatch timers.
public struct SystemClock: SandboxClock {
  public init() {}

  public var now: Date { Date() }

  public func schedule(at deadline: Date, on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void) {
    let wait = deadline.timeIntervalSinceNow
    guard wait > 0 else { return queue.async(execute: work) }
    queue.asyncAfter(wallDeadline: .now() + wait) {
      // A timer may fire a hair before `Date()` reaches the deadline; work that compares times
      // (a cron minute, a back-off's end) must find the deadline reached.
      if Date() < deadline { self.schedule(at: deadline, on: queue, work) } else { work() }
    }
  }
}
