import Foundation

/// /proc/PID/stat of a process, from field 3 on: the command name (field 2) may hold spaces, so
/// the fields are those after its closing parenthesis.
struct ProcessStat {
  let fields: [Substring]

  init?(pid: Int32) {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    fields = stat[stat.index(after: close)...].split(separator: " ")
  }

  /// Field `number` (counted from 1, as proc(5) does); nil past the end.
  func field(_ number: Int) -> Substring? {
    fields.count > number - 3 ? fields[number - 3] : nil
  }
}
