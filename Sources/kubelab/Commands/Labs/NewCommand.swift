import ArgumentParser
import Foundation
import LabKit

/// `kubelab new <id>`: a lab and its grader to start from, one task of each kind, linting clean.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Scaffold a lab and its grader.",
    discussion: """
      Writes Labs/<id>/lab.yaml, a setup manifest and Graders/<id>.yaml with one question, one \
      choice and one action task, ready to edit. They pass `kubelab lint` and `kubelab test` as \
      written. Existing files are never overwritten.
      """
  )

  @Argument(help: "The lab's id: lowercase letters, digits and dashes.")
  var id: String

  @Option(help: "The folder holding Labs/ and Graders/ (default: $KUBELAB_LABS, else the nearest one above).")
  var labs: String?

  func validate() throws {
    let allowed = id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    guard allowed, let first = id.first, first.isLetter, id.last != "-", id.count <= 63 else {
      throw ValidationError("the id `\(id)` must be lowercase letters, digits and dashes, starting with a letter")
    }
  }

  func run() throws {
    try CommandFailure.reporting(scaffold)
  }

  private func scaffold() throws {
    let library = LabLibrary.locate(explicit: labs)
    let files = LabScaffold(id: id).files.map { (path: library.root + "/" + $0.path, text: $0.text) }
    if let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
      throw ValidationError("\(existing.path) already exists; choose another id or remove it")
    }
    for file in files {
      let url = URL(fileURLWithPath: file.path)
      do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.text.utf8).write(to: url)
      } catch {
        throw CommandFailure(.localFiles, "cannot write \(file.path): \(error.localizedDescription)")
      }
      print("created \(file.path)")
    }
    print("Next: edit them, then run `kubelab lint` and `kubelab test \(id)`.")
  }
}
