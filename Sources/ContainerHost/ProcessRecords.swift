import Foundation

/// A file per running container process (its pid and the kernel's start time for it, and the
/// same of the sandbox that started it), so that a sandbox killed outright lets the next one find
/// and end what it left behind. Start times tell a leftover from an unrelated process that got the
/// same pid since; a container whose sandbox still runs is left alone.
struct ProcessRecords {
  let folder: String

  func record(pid: Int32, containerID: String) {
    let owner = getpid()
    guard let start = Self.startTime(pid), let ownerStart = Self.startTime(owner) else { return }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? "\(pid) \(start) \(owner) \(ownerStart)\n".write(toFile: path(containerID), atomically: true, encoding: .utf8)
  }

  func remove(containerID: String) {
    try? FileManager.default.removeItem(atPath: path(containerID))
  }

  /// Kills every recorded process that still runs with its recorded start time; returns how many.
  @discardableResult
  func killLeftovers() -> Int {
    var killed = 0
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      let file = folder + "/" + name
      let fields = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
      let numbers = fields.compactMap { UInt64($0) }
      if numbers.count == 4, Self.startTime(Int32(numbers[2])) == numbers[3] { continue }
      try? FileManager.default.removeItem(atPath: file)
      guard numbers.count == 4, Self.startTime(Int32(numbers[0])) == numbers[1] else { continue }
      kill(Int32(numbers[0]), SIGKILL)
      killed += 1
    }
    return killed
  }

  private func path(_ containerID: String) -> String { folder + "/" + containerID }

  /// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.
  static func startTime(_ pid: Int32) -> UInt64? {
    ProcessStat(pid: pid)?.field(22).flatMap { UInt64($0) }
  }
}
