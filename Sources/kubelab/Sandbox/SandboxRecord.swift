import Foundation
import LabKit

/// What `kubelab sandbox` writes to the state directory while it serves, so that later commands
/// (`start --sandbox`, `check --sandbox`, `stop`) find the same cluster.
struct SandboxRecord: Codable, Equatable {
  var pid: Int32
  var url: String
  var kubeconfig: String
  var topology: String
  /// Launched in the background by `kubelab start --sandbox`, so `kubelab stop` ends it; a
  /// sandbox the learner runs in a terminal is theirs to stop.
  var detached: Bool

  static var folder: String { StateDirectory.path + "/sandbox" }
  static var path: String { folder + "/sandbox.json" }
  static var defaultKubeconfig: String { folder + "/kubeconfig" }

  /// The record of a sandbox whose process is still alive; a stale record is removed.
  static func running() -> SandboxRecord? {
    guard let data = FileManager.default.contents(atPath: path),
      let record = try? JSONDecoder().decode(SandboxRecord.self, from: data)
    else { return nil }
    guard ProcessLiveness.isRunning(record.pid) else {
      try? FileManager.default.removeItem(atPath: path)
      return nil
    }
    return record
  }

  func write() throws {
    try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: URL(fileURLWithPath: Self.path), options: .atomic)
  }

  /// Removes the record if it is still this process's (a newer sandbox may have replaced it).
  func remove() {
    let current = Self.running()
    if current == nil || current == self { try? FileManager.default.removeItem(atPath: Self.path) }
  }
}
