import LabKit

/// The one-line verdict on an answer, then why and the hint when it is not right.
enum AnswerText {
  static func verdict(_ result: TaskResult) -> String {
    let points = "(\(result.earned.pointsText)/\(result.points.pointsText))"
    switch result.status {
    case .passed:
      return "✔ Correct \(points)"
    case .error:
      return (["! Could not grade it now; your answer is saved."] + GradeReportText.details(result)).joined(
        separator: "\n")
    case .unanswered:
      return "No answer yet."
    case .failed, .partial:
      var lines = ["✗ Not right \(points)"]
      lines += GradeReportText.details(result).map { "  " + $0 }
      return lines.joined(separator: "\n")
    }
  }
}
