import ArgumentParser
import LabKit

/// `kubelab show <task>`: one question in full, with its options and what the learner gave.
struct ShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one task.",
    discussion: "Prints the question, its options for a choice, the answer given so far and the hints revealed."
  )

  @Argument(help: "The task, by id or number.")
  var task: String

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let task = try context.task(task)
      let session = try context.session()
      let id = task.id.value
      let revealed = Array((context.loaded.graderTask(id)?.hints ?? []).prefix(session.hintsRevealed[id] ?? 0))
      if options.output == .json {
        struct Shown: Encodable {
          var id, kind, ask: String
          var choices: [String]?
          var answer: String?
          var hints: [String]
          var status: String?
        }
        return try JSONOutput.print(
          Shown(
            id: id, kind: TaskText.kind(task), ask: task.ask, choices: TaskText.choices(task),
            answer: session.answers[id]?.text, hints: revealed, status: session.scores[id]?.status.rawValue))
      }
      print(TaskText.render(task, number: (context.lab.tasks.firstIndex { $0.id.value == id } ?? 0) + 1))
      if let answer = session.answers[id] { print("\nYour answer: \(answer.text)") }
      for (index, hint) in revealed.enumerated() { print("Hint \(index + 1): \(hint)") }
    }
  }
}
