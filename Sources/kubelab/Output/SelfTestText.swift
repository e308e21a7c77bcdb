import LabKit

/// One lab's self-test as a list: a line per task, the problems under the ones that failed.
enum SelfTestText {
  static func render(_ report: SelfTestReport) -> String {
    var lines = ["\(report.passed ? "PASS" : "FAIL") \(report.lab) (\(String(format: "%.1f", report.seconds)) s)"]
    if let problem = report.setupProblem { lines.append("  " + problem.replacingOccurrences(of: "\n", with: "\n  ")) }
    for task in report.tasks {
      lines.append("  \(task.passed ? "ok  " : "FAIL") \(task.id)")
      lines += task.problems.map { "         \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}
