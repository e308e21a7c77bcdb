import ArgumentParser
import Foundation
import LabKit

/// `kubelab status`: the recorded score of every task, the total against the pass mark, and the
/// time left. It reads the session only: it works while the cluster is down.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the score table and the time left.",
    discussion: "Shows what the session recorded; run `kubelab check` to grade again."
  )

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let session = try context.session()
      let status = SessionStatus(session: session, loaded: context.loaded, now: Date())
      if options.output == .json { return try JSONOutput.print(status) }
      print(status.text)
    }
  }
}
