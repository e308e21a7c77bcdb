import ArgumentParser
import Foundation
import LabKit

/// `kubelab labs`: the library, one row per lab.
struct LabsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "labs",
    abstract: "List the labs.",
    discussion: "Lists every lab of the library with its title, duration, number of tasks and topology."
  )

  @Option(help: "The folder holding Labs/ and Graders/ (default: $KUBELAB_LABS, else the nearest one above).")
  var labs: String?

  @Option(help: "How to print the list: text or json.")
  var output: OutputFormat = .text

  func run() throws {
    try CommandFailure.reporting(list)
  }

  private func list() throws {
    let library = LabLibrary.locate(explicit: labs)
    let ids = library.ids()
    guard !ids.isEmpty else {
      throw CommandFailure(.invalidLab, "no labs in \(library.labsFolder)")
    }
    let entries = ids.map { LabSummary(library: library, id: $0) }
    if output == .json { return try JSONOutput.print(entries) }
    var table = TextTable(["ID", "TITLE", "DURATION", "TASKS", "TOPOLOGY"])
    for entry in entries {
      if let problem = entry.problem {
        table.add([entry.id, "(cannot run: \(problem))", "", "", ""])
      } else {
        table.add([
          entry.id, entry.title ?? "", entry.duration ?? "-", entry.tasks.map(String.init) ?? "", entry.topology ?? "",
        ])
      }
    }
    print(table.text)
  }
}
