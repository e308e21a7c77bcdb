import Foundation

/// What a finished child process left: its exit status and both output streams.
public struct ProcessOutput: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

public enum ProcessRunner {
  /// Runs a program to completion with a deadline, feeding `input` to its stdin.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    timeout: TimeInterval = 60
  ) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try? stdin.fileHandleForWriting.close()
    // Drain both pipes while the process runs, so a chatty child never blocks on a full pipe.
    let outputs = OutputCollector()
    let group = DispatchGroup()
    for (pipe, isError) in [(stdout, false), (stderr, true)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        outputs.set(data, isError: isError)
        group.leave()
      }
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      group.wait()
      throw ProcessTimeout(command: ([executable] + arguments).joined(separator: " "), seconds: timeout)
    }
    process.waitUntilExit()
    group.wait()
    return ProcessOutput(status: process.terminationStatus, stdout: outputs.stdout, stderr: outputs.stderr)
  }
}

public struct ProcessTimeout: Error, CustomStringConvertible {
  public var command: String
  public var seconds: TimeInterval
  public var description: String { "\(command) did not finish within \(Int(seconds)) s" }
}

private final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()

  func set(_ data: Data, isError: Bool) {
    lock.withLock { if isError { err = data } else { out = data } }
  }

  var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
  var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
}
