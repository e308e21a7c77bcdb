import Foundation

/// The one source of time in a sandbox: every timestamp it writes reads `now`, and every timed
/// behaviour (grace periods, back-offs, probes, cron schedules, status re-checks, TTLs) waits
/// through `schedule`. A running sandbox uses `SystemClock`; a test passes a `ManualClock` and
/// moves time itself, so it never sleeps through a grace period or a back-off.
public protocol SandboxClock: Sendable {
  var now: Date { get }
  /// Runs `work` on `queue` once this clock has reached `deadline`; at once if it already has.
  func schedule(at deadline: Date, on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void)
}
