import ArgumentParser
import Foundation
import LabKit

/// `kubelab start <lab>`: provisions a lab on the cluster and opens its session.
struct StartCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Provision a lab on the cluster.",
    discussion: """
      Creates the lab's namespaces and objects (labelled kubelab.io/lab=<id>, applied server-side \
      by the field manager kubelab), waits for them, and copies the lab's files into the working \
      directory. With --sandbox it uses the sandbox that is running, or starts one in the \
      background that lives until `kubelab stop`.
      """
  )

  @Argument(help: "The lab to start (see `kubelab labs`).")
  var lab: String

  @OptionGroup var options: LabOptions

  @Option(help: "Where to copy the lab's files (default: the current directory).")
  var workdir: String?

  func run() async throws {
    try await CommandFailure.reporting {
      let loaded = try LabSessionContext.loadLab(options, id: lab)
      let connection = try await ClusterConnection.forStart(options, topology: loaded.lab.topology.rawValue)
      let store = LabSessionContext.store
      if let existing = try store.load(cluster: connection.cluster.name, lab: loaded.id) {
        try store.setCurrentLab(loaded.id, cluster: connection.cluster.name)
        print(
          "The lab \(loaded.id) is already started on \(connection.cluster.name) (since \(existing.startedAt)); "
            + "`kubelab reset` starts it over.")
        return
      }
      FileHandle.standardError.write(Data("Starting \(loaded.lab.title) on \(connection.cluster.name)…\n".utf8))
      let directory = workdir ?? FileManager.default.currentDirectoryPath
      let session = try await LabLauncher(loaded: loaded, cluster: connection.cluster, store: store)
        .launch(workdir: directory)
      print(StartText.render(loaded: loaded, session: session, sandbox: connection.sandbox))
    }
  }
}
