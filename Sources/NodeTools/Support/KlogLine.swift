import Foundation
import KubeSim

/// A line as klog writes it, which Kubernetes' Go clients log errors through:
/// `E0520 10:11:12.123456   12345 log.go:32] "message" key="value"`.
enum KlogLine {
  static func error(_ message: String, at date: Date, pid: Int, source: String, _ pairs: [(String, String)]) -> String {
    let fields = pairs.map { " \($0.0)=\(quoted($0.1))" }.joined()
    return NodeServices.klog("E", date, pid, source, quoted(message) + fields) + "\n"
  }

  /// Go's %q: the text in double quotes, with quotes and backslashes escaped.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
