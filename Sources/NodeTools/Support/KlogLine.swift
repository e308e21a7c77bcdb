import Foundation

/// A line as klog writes it, which Kubernetes' Go clients log errors through:
/// `E0520 10:11:12.123456   12345 log.go:32] "message" key="value"`.
enum KlogLine {
  static func error(_ message: String, at date: Date, pid: Int, source: String, _ pairs: [(String, String)]) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.month, .day, .hour, .minute, .second, .nanosecond], from: date)
    let stamp = String(
      format: "E%02d%02d %02d:%02d:%02d.%06d", parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0,
      parts.second ?? 0, (parts.nanosecond ?? 0) / 1000)
    let fields = pairs.map { " \($0.0)=\(quoted($0.1))" }.joined()
    return
      "\(stamp) \(String(repeating: " ", count: max(0, 7 - String(pid).count)))\(pid) \(source)] \(quoted(message))\(fields)\n"
  }

  /// Go's %q: the text in double quotes, with quotes and backslashes escaped.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
