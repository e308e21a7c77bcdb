import Foundation

/// One folder per test run for what the tests leave behind on purpose or by crashing: sandbox
/// state, kubectl's discovery caches. A run removes the folders of earlier runs whose process
/// has ended, so leftovers never outgrow one run (they were 140 MB a run, kept for ever).
public enum TestScratch {
  static let prefix = "kubelab-tests-"

  /// This run's folder, made on first use after the ended runs' folders are removed.
  static let folder: String = {
    let temporary = NSTemporaryDirectory()
    let files = FileManager.default
    for name in (try? files.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), !isRunning(pid) else { continue }
      try? files.removeItem(atPath: temporary + name)
    }
    let folder = temporary + prefix + String(getpid())
    try? files.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }()

  /// A new path in this run's folder, its name starting with `name`.
  public static func path(_ name: String) -> String {
    folder + "/" + name + UUID().uuidString
  }

  private static func isRunning(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }
}
