import Foundation

/// One folder per test run for the files the tests and their children write: sandbox state,
/// kubectl's caches, child processes' streams, fixture trees. It lives on /dev/shm when there is
/// one: the suite creates and deletes tens of thousands of files, and on this machine's ext4 /tmp
/// (its inode allocator scanning recently deleted inodes) a run took 128 s with 83 s of system
/// CPU, against 117 s and 48 s on tmpfs. A run removes the folders of earlier runs whose process
/// has ended, so leftovers never outgrow one run (they were 140 MB a run, kept for good).
public enum TestScratch {
  static let prefix = "kubelab-tests-"

  /// This run's folder, made on first use after the ended runs' folders are removed.
  public static let folder: String = {
    let files = FileManager.default
    var base = NSTemporaryDirectory()
    if files.isWritableFile(atPath: "/dev/shm") { base = "/dev/shm/" }
    for name in (try? files.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), !isRunning(pid) else { continue }
      try? files.removeItem(atPath: base + name)
    }
    let folder = base + prefix + String(getpid())
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
