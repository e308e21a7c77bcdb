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
    let child = try ChildProcess(executable, arguments, environment: environment, input: input)
    while child.process.isRunning && Date() < child.deadline(timeout) { usleep(5_000) }
    return try child.finish(timeout: timeout)
  }

  /// `run` for long commands in async tests: waits with `Task.sleep`, so a practice run of a
  /// minute does not hold one of the few threads the other tests share.
  public static func runAsync(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    timeout: TimeInterval = 60
  ) async throws -> ProcessOutput {
    let child = try ChildProcess(executable, arguments, environment: environment, input: input)
    let deadline = child.deadline(timeout)
    while child.process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
    return try child.finish(timeout: timeout)
  }
}

/// A started child whose stdin, stdout and stderr are temporary files.
private final class ChildProcess {
  let process = Process()
  private let folder: String
  private let started = Date()
  private let handles: (stdin: FileHandle, stdout: FileHandle, stderr: FileHandle)
  private let command: String

  init(_ executable: String, _ arguments: [String], environment: [String: String], input: String?) throws {
    folder = NSTemporaryDirectory() + "kubelab-process-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: folder + "/stdin"))
    for name in ["stdout", "stderr"] { FileManager.default.createFile(atPath: folder + "/" + name, contents: nil) }
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    handles = try (
      stdin: FileHandle(forReadingFrom: URL(fileURLWithPath: folder + "/stdin")),
      stdout: FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/stdout")),
      stderr: FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/stderr"))
    )
    process.standardInput = handles.stdin
    process.standardOutput = handles.stdout
    process.standardError = handles.stderr
    command = ([executable] + arguments).joined(separator: " ")
    try process.run()
  }

  func deadline(_ timeout: TimeInterval) -> Date { started.addingTimeInterval(timeout) }

  /// Stops an overrunning child, then collects what it wrote.
  func finish(timeout: TimeInterval) throws -> ProcessOutput {
    defer {
      [handles.stdin, handles.stdout, handles.stderr].forEach { try? $0.close() }
      try? FileManager.default.removeItem(atPath: folder)
    }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw ProcessTimeout(command: command, seconds: timeout)
    }
    process.waitUntilExit()
    func read(_ name: String) -> String {
      String(decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self)
    }
    return ProcessOutput(status: process.terminationStatus, stdout: read("stdout"), stderr: read("stderr"))
  }
}

public struct ProcessTimeout: Error, CustomStringConvertible {
  public var command: String
  public var seconds: TimeInterval
  public var description: String { "\(command) did not finish within \(Int(seconds)) s" }
}
