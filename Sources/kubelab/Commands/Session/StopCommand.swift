import ArgumentParser
import Foundation
import LabKit

/// `kubelab stop`: removes what the lab created, and ends a sandbox that `start` launched.
struct StopCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop",
    abstract: "Remove what the lab created.",
    discussion: """
      Deletes the objects and namespaces labelled kubelab.io/lab=<id>, nothing else. The session \
      stays readable with `kubelab status --lab <id>`. A sandbox that `kubelab start --sandbox` \
      launched in the background is shut down too.
      """
  )

  @OptionGroup var options: SessionOptions

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      if let sandbox = context.connection.sandbox, sandbox.detached {
        // The whole cluster goes: nothing of the lab can outlive it.
        try context.store.setCurrentLab(nil, cluster: context.cluster.name)
        await DetachedSandbox.stop(sandbox)
        print("Stopped \(context.loaded.id) and its sandbox.")
        return
      }
      try await LabLauncher(loaded: context.loaded, cluster: context.cluster, store: context.store).tearDown()
      print("Stopped \(context.loaded.id): what it created is removed.")
    }
  }
}
