import LabKit

/// A grading pass as the learner reads it: one line per task, then what each miss found and its
/// hint, then the score against the pass mark.
enum GradeReportText {
  static func render(_ report: GradeReport, lab: Lab, wholeLab: Bool = true) -> String {
    var lines: [String] = []
    let numbers = Dictionary(lab.tasks.enumerated().map { ($1.id.value, $0 + 1) }) { first, _ in first }
    var table = TextTable(["#", "TASK", "RESULT", "POINTS"])
    for task in report.tasks {
      table.add([
        numbers[task.id].map(String.init) ?? "", task.id, task.status.rawValue,
        "\(task.earned.pointsText)/\(task.points.pointsText)",
      ])
    }
    lines.append(table.text)
    let misses = report.tasks.filter { $0.status != .passed && !details($0).isEmpty }
    if !misses.isEmpty { lines.append("") }
    for task in misses {
      lines.append("\(task.id):")
      lines += details(task).map { "  " + $0 }
    }
    if wholeLab {
      lines.append("")
      lines.append(scoreLine(report))
    }
    if report.hasErrors {
      lines.append(
        "Some tasks could not be graded (marked error): that is the cluster's fault, not yours, "
          + "and their recorded scores are kept. Run the check again when the cluster answers.")
    }
    return lines.joined(separator: "\n")
  }

  /// What each check of a task found: `✗` for a miss with its hint, `!` for a check that could not look.
  static func details(_ task: TaskResult) -> [String] {
    var lines: [String] = []
    for check in task.checks where check.verdict != .pass {
      switch check.verdict {
      case .fail: lines.append("✗ \(check.message)")
      case .error: lines.append("! could not check: \(check.message)")
      case .pass: break
      }
      if let hint = check.hint, check.verdict == .fail { lines.append("  hint: \(hint)") }
    }
    return lines
  }

  static func scoreLine(_ report: GradeReport) -> String {
    let percent = Int(report.percent.rounded())
    let verdict = report.passed ? "passed" : "not passed yet"
    return
      "Score: \(report.earned.pointsText)/\(report.points.pointsText) (\(percent)%), pass mark \(report.passMark.pointsText)%: \(verdict)"
  }
}
