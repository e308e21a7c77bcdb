import Foundation
import Processes

/// What a finished child process left: its exit status and both output streams.
public struct ProcessOutput: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

public enum ProcessRunner {
  /// Runs a program to completion with a deadline, feeding `input` to its stdin. It waits for the
  /// child's exit asleep, without holding a thread, so tests that run many processes at once leave
  /// the cooperative pool free for the others.
  ///
  /// Input and output go through temporary files, not pipes: tests spawn processes in parallel,
  /// and a long-lived child (a sandbox) that inherits the write end of another child's pipe would
  /// keep that pipe from ever reaching end-of-file.
  ///
  /// It starts once the process gate has a slot, and its timeout counts from the start.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    timeout: TimeInterval = 60
  ) async throws -> ProcessOutput {
    try await TestGate.processes.run {
      try await start(executable, arguments, environment: environment, input: input).finish(timeout: timeout)
    }
  }

  /// Starts a program that keeps running (a watch), for a test that reads its output as it comes.
  public static func start(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil
  ) throws -> ChildProcess {
    try ChildProcess(executable, arguments, environment: environment, input: input)
  }
}

/// A started child whose stdin, stdout and stderr are temporary files.
public final class ChildProcess: Sendable {
  private let process: SpawnedProcess
  private let folder: String
  private let command: String

  init(_ executable: String, _ arguments: [String], environment: [String: String], input: String?) throws {
    folder = TestScratch.path("process-")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: folder + "/stdin"))
    let overrides = TestChildEnvironment.applied(
      to: Self.shortLivedGoRuntime.merging(environment) { _, given in given })
    var spawn = ProcessCommand.inheritingEnvironment(executable, arguments, overrides: overrides)
    spawn.input = .file(folder + "/stdin", flags: O_RDONLY)
    spawn.output = .file(folder + "/stdout", flags: O_WRONLY | O_CREAT | O_TRUNC)
    spawn.error = .file(folder + "/stderr", flags: O_WRONLY | O_CREAT | O_TRUNC)
    command = ([executable] + arguments).joined(separator: " ")
    process = try SpawnedProcess(spawn)
  }

  /// kubectl, directly or through a lab's script, is most of the suite's processes: a run lasts a
  /// tenth of a second, and Go's collector spent a fifth of its CPU on garbage the exit frees
  /// anyway. It collects only past the limit, so a large run (explain, a big apply) stays bounded.
  private static let shortLivedGoRuntime = ["GOGC": "off", "GOMEMLIMIT": "512MiB"]

  // A test that fails before `finish` leaves no child behind.
  deinit { process.end(with: SIGKILL) }

  /// What the child has written so far (status -1 while it runs).
  public var outputSoFar: ProcessOutput {
    ProcessOutput(status: process.exitStatus?.shellStatus ?? -1, stdout: read("stdout"), stderr: read("stderr"))
  }

  /// Waits, polling its output, until `accept` takes what the child wrote so far or `timeout`
  /// passes; returns the last output.
  @discardableResult
  public func waitForOutput(timeout: TimeInterval = 60, until accept: (ProcessOutput) -> Bool) async throws
    -> ProcessOutput
  {
    let deadline = Date().addingTimeInterval(timeout)
    var last = outputSoFar
    while !accept(last) && Date() < deadline {
      // A condition poll: the child writes to a file, which tells no one when it grows.
      try await Task.sleep(for: .milliseconds(20))
      last = outputSoFar
    }
    return last
  }

  /// Ends a child that would go on (SIGTERM), then collects what it wrote.
  public func stop() async throws -> ProcessOutput {
    process.signal(SIGTERM)
    return try await finish(timeout: 60)
  }

  private func read(_ name: String) -> String {
    String(decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self)
  }

  /// Waits for the child's exit, stops it if it overruns `timeout`, then collects what it wrote.
  public func finish(timeout: TimeInterval) async throws -> ProcessOutput {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let deadline = Date().addingTimeInterval(timeout)
    // A condition poll, asleep between looks so no thread is held.
    while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
    guard let ended = process.exitStatus else {
      process.end(with: SIGTERM, grace: 5)
      throw ProcessTimeout(command: command, seconds: timeout)
    }
    return ProcessOutput(status: ended.shellStatus, stdout: read("stdout"), stderr: read("stderr"))
  }
}

public struct ProcessTimeout: Error, CustomStringConvertible {
  public var command: String
  public var seconds: TimeInterval
  public var description: String { "\(command) did not finish within \(Int(seconds)) s" }
}
