import ArgumentParser
import Foundation
import LabKit

/// `kubelab answer <task> <text…>`: records the learner's answer, then grades it at once.
struct AnswerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "answer",
    abstract: "Answer a question.",
    discussion: """
      Records the answer in the session first, then grades it: an answer is never lost, even when \
      the cluster cannot be reached to grade it (computed answers are read from the cluster).
      """
  )

  @Argument(help: "The task, by id or number.")
  var task: String

  @Argument(parsing: .remaining, help: "The answer; for a choice, the letter, number or text of an option.")
  var text: [String]

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let answer = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
      guard !answer.isEmpty else { throw ValidationError("give the answer after the task") }
      let context = try options.open()
      let task = try context.task(task)
      if task.kind == .action {
        throw ValidationError(
          "\(task.id.value) is an action: change the cluster, then run `kubelab check \(task.id.value)`")
      }
      guard let result = try await context.answer(task.id.value, answer) else { return }
      if options.output == .json { return try JSONOutput.print(result) }
      print(AnswerText.verdict(result))
      switch result.status {
      case .passed: break
      case .error: throw ExitCode(ExitStatus.clusterError.rawValue)
      default: throw ExitCode(ExitStatus.notPassed.rawValue)
      }
    }
  }
}
