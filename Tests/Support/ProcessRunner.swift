import Foundation

/// What a finished child process left: its exit status and both output streams.
public struct ProcessOutput: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

public enum ProcessRunner {
  /// Runs a program to completion with a deadline, feeding `input` to its stdin.
  ///
  /// Input and output go through temporary files, not pipes: tests spawn processes in parallel,
  /// and a long-lived child (a sandbox) that inherits the write end of another child's pipe would
  /// keep that pipe from ever reaching end-of-file.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    timeout: TimeInterval = 60
  ) throws -> ProcessOutput {
    let folder = NSTemporaryDirectory() + "kubelab-process-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let paths = (stdin: folder + "/stdin", stdout: folder + "/stdout", stderr: folder + "/stderr")
    try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: paths.stdin))
    for path in [paths.stdout, paths.stderr] { FileManager.default.createFile(atPath: path, contents: nil) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let handles = try (
      stdin: FileHandle(forReadingFrom: URL(fileURLWithPath: paths.stdin)),
      stdout: FileHandle(forWritingTo: URL(fileURLWithPath: paths.stdout)),
      stderr: FileHandle(forWritingTo: URL(fileURLWithPath: paths.stderr))
    )
    defer { [handles.stdin, handles.stdout, handles.stderr].forEach { try? $0.close() } }
    process.standardInput = handles.stdin
    process.standardOutput = handles.stdout
    process.standardError = handles.stderr
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw ProcessTimeout(command: ([executable] + arguments).joined(separator: " "), seconds: timeout)
    }
    process.waitUntilExit()
    func read(_ path: String) -> String {
      String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return ProcessOutput(status: process.terminationStatus, stdout: read(paths.stdout), stderr: read(paths.stderr))
  }
}

public struct ProcessTimeout: Error, CustomStringConvertible {
  public var command: String
  public var seconds: TimeInterval
  public var description: String { "\(command) did not finish within \(Int(seconds)) s" }
}
