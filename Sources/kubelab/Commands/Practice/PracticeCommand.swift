import ArgumentParser
import Foundation
import LabKit

/// `kubelab practice [lab]`: the whole practice test in one terminal.
struct PracticeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Take a lab's practice test in this terminal.",
    discussion: """
      Provisions the lab, then shows each task in turn. Answer questions by typing; do actions \
      with kubectl (type kubectl commands at the prompt, or use another shell) and type `check`. \
      `hint`, `skip`, `back`, `status` and `quit` work at any time; the test ends with a score \
      table. With --sandbox the lab runs on a sandbox that lives as long as this command. When \
      stdin is not a terminal the same lines are read from it, so a practice run can be scripted. \
      Exit status: 0 when the pass mark is reached, 1 when not.
      """
  )

  @Argument(help: "The lab (default: pick one from the list).")
  var lab: String?

  @OptionGroup var options: LabOptions

  @Option(help: "Where to copy the lab's files (default: the current directory).")
  var workdir: String?

  func run() async throws {
    try await CommandFailure.reporting {
      let input = LineReader()
      var chosen = lab
      if chosen == nil { chosen = try await pick(input) }
      guard let id = chosen else { return }
      let loaded = try LabSessionContext.loadLab(options, id: id)
      var sandbox: InProcessSandbox?
      defer { sandbox?.shutdown() }
      let connection: ClusterConnection
      if options.sandbox {
        FileHandle.standardError.write(Data("Starting a \(loaded.lab.topology.rawValue) sandbox…\n".utf8))
        let started = try InProcessSandbox(topology: loaded.lab.topology.rawValue)
        sandbox = started
        connection = ClusterConnection(cluster: started.cluster, sandbox: nil)
        print("kubectl in another shell reaches the sandbox with: export KUBECONFIG=\(started.kubeconfigPath)")
      } else {
        connection = try ClusterConnection.existing(options)
      }
      let context = LabSessionContext(loaded: loaded, connection: connection, store: LabSessionContext.store)
      let directory = workdir ?? FileManager.default.currentDirectoryPath
      FileHandle.standardError.write(Data("Setting up \(loaded.lab.title)…\n".utf8))
      _ = try await LabLauncher(loaded: loaded, cluster: connection.cluster, store: context.store)
        .launch(workdir: directory)
      let report = try await PracticeSession(context: context, input: input, workdir: directory).run()
      if sandbox == nil { print("The lab stays on the cluster; `kubelab stop` removes it.") }
      if !report.passed { throw ExitCode(ExitStatus.notPassed.rawValue) }
    }
  }

  /// Lists the labs and reads the learner's pick, by number or id.
  private func pick(_ input: LineReader) async throws -> String? {
    let ids = options.library.ids()
    guard !ids.isEmpty else { throw CommandFailure(.invalidLab, "no labs in \(options.library.labsFolder)") }
    for (index, id) in ids.enumerated() {
      let title = (try? options.library.load(id).lab.title) ?? "(has problems)"
      print("  \(index + 1). \(id): \(title)")
    }
    while let line = await input.next(prompt: "Which lab? ") {
      let choice = line.trimmingCharacters(in: .whitespaces)
      if let number = Int(choice), ids.indices.contains(number - 1) { return ids[number - 1] }
      if ids.contains(choice) { return choice }
      print("Type a number from 1 to \(ids.count) or a lab id.")
    }
    return nil
  }
}
