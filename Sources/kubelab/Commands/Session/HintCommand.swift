import ArgumentParser
import LabKit

/// `kubelab hint <task>`: reveals the task's next hint and records that it was revealed.
struct HintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hint",
    abstract: "Reveal the next hint of a task.",
    discussion: "Hints come one at a time, each more specific; every one revealed so far is printed again."
  )

  @Argument(help: "The task, by id or number.")
  var task: String

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let id = try context.task(task).id.value
      let (hints, revealed) = try context.revealHint(id)
      if options.output == .json { return try JSONOutput.print(Array(hints.prefix(revealed))) }
      print(HintText.render(hints: hints, revealed: revealed, task: id))
    }
  }
}
