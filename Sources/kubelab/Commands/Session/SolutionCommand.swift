import ArgumentParser
import LabKit

/// `kubelab solution <task>`: shows how to solve a task, and records that it was revealed.
struct SolutionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solution",
    abstract: "Reveal the solution of a task.",
    discussion: "The session records which solutions were revealed; `kubelab status` shows them."
  )

  @Argument(help: "The task, by id or number.")
  var task: String

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let id = try context.task(task).id.value
      guard let solution = try context.revealSolution(id) else {
        throw ValidationError("the grader gives no solution for \(id)")
      }
      let text = SolutionText.render(solution)
      if options.output == .json { return try JSONOutput.print(["task": id, "solution": text]) }
      print(text)
    }
  }
}
