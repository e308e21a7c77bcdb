import Foundation
import LabKit
import Synchronization
import TestSupport
import Testing

/// A lab written to a temporary folder for the runner tests, with a fresh working directory.
struct RunnerLab {
  let lab: Lab
  let workdir: String

  /// `files` are paths under the lab folder (`setup/app.yaml`), `lab` the text of lab.yaml.
  init(id: String, lab text: String, files: [String: String] = [:]) throws {
    var tree = files.reduce(into: [String: String]()) { $0["\(id)/\($1.key)"] = $1.value }
    tree["\(id)/lab.yaml"] = text
    let root = try temporaryTree(tree)
    let decoded = LabFormat.loadLab(path: root + "/\(id)/lab.yaml")
    #expect(decoded.problems.map(\.description) == [])
    lab = try #require(decoded.value)
    workdir = root + "/work"
  }

  /// Records progress from the runner's callback.
  final class Progress: Sendable {
    private let events = Mutex<[RunnerProgress]>([])

    var all: [RunnerProgress] { events.withLock { $0 } }
    var report: @Sendable (RunnerProgress) -> Void { { event in self.events.withLock { $0.append(event) } } }
  }
}
