import ArgumentParser
import Foundation
import LabKit

/// `kubelab reset`: stop plus start, with a fresh session.
struct ResetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset",
    abstract: "Start the lab over.",
    discussion: "Removes what the lab created, provisions it again and starts a fresh session."
  )

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let workdir = (try? context.session().workdir) ?? nil
      let launcher = LabLauncher(loaded: context.loaded, cluster: context.cluster, store: context.store)
      try await launcher.tearDown()
      let session = try await launcher.launch(workdir: workdir ?? FileManager.default.currentDirectoryPath)
      print(StartText.render(loaded: context.loaded, session: session, sandbox: context.connection.sandbox))
    }
  }
}
