import Foundation
import KubeSim

/// How journalctl and `systemctl status` print times and journal lines on an Ubuntu node.
enum JournalFormat {
  /// `Apr 10 02:55:51 controlplane kubelet[10423]: message`
  static func line(_ entry: JournalEntry, node: String) -> String {
    "\(format(entry.date, "MMM dd HH:mm:ss")) \(node) \(entry.identifier)[\(entry.pid)]: \(entry.message)\n"
  }

  /// `Thu 2025-04-10 02:55:50 UTC; 20s ago`
  static func since(_ date: Date, now: Date) -> String {
    "\(format(date, "EEE yyyy-MM-dd HH:mm:ss")) UTC; \(ago(now.timeIntervalSince(date))) ago"
  }

  /// systemd's relative time: `20s`, `7min`, `1h 3min`, `2 days`.
  static func ago(_ interval: TimeInterval) -> String {
    let seconds = max(0, Int(interval))
    if seconds < 60 { return "\(seconds)s" }
    if seconds < 3600 { return "\(seconds / 60)min \(seconds % 60)s".replacingOccurrences(of: " 0s", with: "") }
    if seconds < 86400 { return "\(seconds / 3600)h \(seconds % 3600 / 60)min" }
    return "\(seconds / 86400) days"
  }

  private static func format(_ date: Date, _ pattern: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = pattern
    return formatter.string(from: date)
  }
}
