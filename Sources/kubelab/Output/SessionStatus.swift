import Foundation
import LabKit

/// The score table of a session: every task's recorded result, the total, the pass mark, the
/// time left, and which hints and solutions were revealed.
struct SessionStatus: Encodable {
  struct Row: Encodable {
    var id: String
    var status: String
    var earned: Double
    var points: Double
    var hints: Int
    var solutionRevealed: Bool
  }

  var lab: String
  var title: String
  var rows: [Row]
  var earned: Double
  var points: Double
  var percent: Double
  var passMark: Double
  var passed: Bool
  /// Seconds until the deadline, rounded up: positive exactly while answers are still recorded,
  /// so a countdown made from it never ends before the server's; nil without a duration.
  var secondsLeft: Int?

  init(session: Session, loaded: LoadedLab, now: Date) {
    lab = loaded.id
    title = loaded.lab.title
    rows = loaded.lab.tasks.map { task in
      let id = task.id.value
      let score = session.scores[id]
      return Row(
        id: id, status: score?.status.rawValue ?? "not checked", earned: score?.earned ?? 0,
        points: loaded.graderTask(id)?.points ?? 1, hints: session.hintsRevealed[id] ?? 0,
        solutionRevealed: session.solutionsRevealed.contains(id))
    }
    earned = rows.reduce(0) { $0 + $1.earned }
    points = rows.reduce(0) { $0 + $1.points }
    percent = points > 0 ? earned / points * 100 : 0
    passMark = loaded.grader.passMark ?? loaded.lab.passMark
    passed = points > 0 && percent >= passMark
    secondsLeft = session.deadline.map { Int($0.timeIntervalSince(now).rounded(.up)) }
  }

  var text: String {
    var table = TextTable(["#", "TASK", "STATUS", "POINTS", "HINTS", "SOLUTION"])
    for (index, row) in rows.enumerated() {
      table.add([
        String(index + 1), row.id, row.status, "\(row.earned.pointsText)/\(row.points.pointsText)",
        String(row.hints), row.solutionRevealed ? "revealed" : "",
      ])
    }
    var lines = ["\(title) (\(lab))", "", table.text, ""]
    lines.append(
      "Score: \(earned.pointsText)/\(points.pointsText) (\(Int(percent.rounded()))%), pass mark "
        + "\(passMark.pointsText)%: \(passed ? "passed" : "not passed yet")")
    if let secondsLeft {
      lines.append(
        secondsLeft > 0
          ? "Time left: \(Duration.seconds(secondsLeft).compactText)"
          : "Time is up (\(Duration.seconds(-secondsLeft).compactText) ago).")
    }
    return lines.joined(separator: "\n")
  }
}
