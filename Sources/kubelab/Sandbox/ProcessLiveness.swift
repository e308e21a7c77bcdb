import Foundation

/// Whether a process still runs. A sandbox launched by `start` outlives its parent; where nothing
/// reaps orphans (a container whose first process does not), it lingers as a zombie once it has
/// exited, which `kill(pid, 0)` still reports as present.
enum ProcessLiveness {
  static func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let afterName = stat.range(of: ") ", options: .backwards)
    else { return true }
    return stat[afterName.upperBound...].first != "Z"
  }
}
