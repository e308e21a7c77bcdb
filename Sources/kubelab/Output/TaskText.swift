import LabKit

/// How a task is shown: its number and question, lettered options for a choice, and what an
/// action expects of the learner.
enum TaskText {
  static func render(_ task: LabTask, number: Int) -> String {
    var lines = ["[\(number)] \(task.ask)"]
    switch task.kind {
    case .question:
      break
    case .choice(let options):
      for (index, option) in options.enumerated() { lines.append("    \(letter(index))) \(option)") }
      lines.append("    Answer with the letter, the number or the text of an option.")
    case .action:
      lines.append("    Do it on the cluster, then check.")
    }
    return lines.joined(separator: "\n")
  }

  static func kind(_ task: LabTask) -> String {
    switch task.kind {
    case .question: return "question"
    case .choice: return "choice"
    case .action: return "action"
    }
  }

  static func choices(_ task: LabTask) -> [String]? {
    if case .choice(let options) = task.kind { return options }
    return nil
  }

  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
  }

  /// The first line of a question, cut to fit a table row.
  static func firstLine(_ text: String, width: Int = 60) -> String {
    let line = text.split(separator: "\n").first.map(String.init) ?? ""
    return line.count > width ? String(line.prefix(width - 1)) + "…" : line
  }
}
