import ArgumentParser
import LabKit

/// `kubelab tasks`: every question of the started lab with where the learner stands on it.
struct TasksCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tasks",
    abstract: "Show every task of the lab with its status.",
    discussion: "Tasks can be named by id or by the number shown here in every other command."
  )

  @OptionGroup var options: SessionOptions

  struct Entry: Encodable {
    var number: Int
    var id: String
    var kind: String
    var ask: String
    var choices: [String]?
    var status: String
    var earned: Double?
    var points: Double
  }

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let session = try context.session()
      let entries = context.lab.tasks.enumerated().map { index, task in
        let score = session.scores[task.id.value]
        return Entry(
          number: index + 1, id: task.id.value, kind: TaskText.kind(task), ask: task.ask,
          choices: TaskText.choices(task), status: score?.status.rawValue ?? "not checked", earned: score?.earned,
          points: context.loaded.graderTask(task.id.value)?.points ?? 1)
      }
      if options.output == .json { return try JSONOutput.print(entries) }
      var table = TextTable(["#", "TASK", "KIND", "STATUS", "POINTS", "QUESTION"])
      for entry in entries {
        table.add([
          String(entry.number), entry.id, entry.kind, entry.status,
          "\(entry.earned?.pointsText ?? "-")/\(entry.points.pointsText)", TaskText.firstLine(entry.ask),
        ])
      }
      print(table.text)
    }
  }
}
