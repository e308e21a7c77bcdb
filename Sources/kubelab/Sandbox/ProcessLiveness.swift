import Foundation

/// Whether a process still runs, and which process a pid names. A sandbox launched by `start`
/// outlives its parent; where nothing reaps orphans (a container whose first process does not),
/// it lingers as a zombie once it has exited, which `kill(pid, 0)` still reports as present.
/// Once it is gone its pid may be given to another process: the start time tells them apart.
enum ProcessLiveness {
  /// Whether `pid` is alive, not a zombie, and, when `startTime` is given, still the process
  /// that started then (not a later one that was given the same pid).
  static func isRunning(_ pid: Int32, startTime: UInt64? = nil) -> Bool {
    guard pid > 0, kill(pid, 0) == 0 else { return false }
    guard let fields = statFields(pid) else { return startTime == nil }
    if fields.first == "Z" { return false }
    guard let startTime else { return true }
    return Self.startTime(fields) == startTime
  }

  /// When `pid` started, in clock ticks after boot (field 22 of /proc/PID/stat), or nil when no
  /// such process is visible.
  static func startTime(of pid: Int32) -> UInt64? {
    statFields(pid).flatMap(startTime)
  }

  private static func startTime(_ fields: [Substring]) -> UInt64? {
    // The fields after the command name start at field 3 (the state).
    fields.count > 19 ? UInt64(fields[19]) : nil
  }

  /// The fields of /proc/PID/stat after the command name, which may itself hold spaces and ")".
  private static func statFields(_ pid: Int32) -> [Substring]? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let afterName = stat.range(of: ") ", options: .backwards)
    else { return nil }
    return stat[afterName.upperBound...].split(separator: " ")
  }
}
