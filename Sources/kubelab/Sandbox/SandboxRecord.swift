import Foundation
import LabKit

/// What `kubelab sandbox` writes to the state directory while it serves, so that later commands
/// (`start --sandbox`, `check --sandbox`, `stop`) find the same cluster.
struct SandboxRecord: Codable, Equatable {
  var pid: Int32
  /// When the process started (clock ticks after boot, /proc/PID/stat field 22): a pid alone may
  /// since have been given to another process, which must never be signalled.
  var startTime: UInt64
  var url: String
  var kubeconfig: String
  var topology: String
  /// Launched in the background by `kubelab start --sandbox`, so `kubelab stop` ends it; a
  /// sandbox the learner runs in a terminal is theirs to stop.
  var detached: Bool

  static var folder: String { StateDirectory.path + "/sandbox" }
  static var path: String { folder + "/sandbox.json" }
  static var defaultKubeconfig: String { folder + "/kubeconfig" }

  /// The record of a sandbox whose process is still alive; a stale record is removed, and so is
  /// one without a start time (written by an older kubelab), whose pid cannot be trusted.
  static func running() -> SandboxRecord? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    guard let record = try? JSONDecoder().decode(SandboxRecord.self, from: data),
      record.isRunning
    else {
      try? FileManager.default.removeItem(atPath: path)
      return nil
    }
    return record
  }

  /// Whether the recorded process still runs: the same pid and the same start time.
  var isRunning: Bool { ProcessLiveness.isRunning(pid, startTime: startTime) }

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
