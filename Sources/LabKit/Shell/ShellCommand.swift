import Foundation
import Processes

/// A shell command line (setup `run` steps, `script` checks, solutions), run by `/bin/sh -c`.
public struct ShellCommand: Sendable {
  public var command: String
  /// Merged over the process environment.
  public var environment: [String: String]
  /// The working directory; nil keeps the current one.
  public var directory: String?
  public var timeout: Duration

  public init(
    _ command: String, environment: [String: String] = [:], directory: String? = nil, timeout: Duration = .seconds(60)
  ) {
    self.command = command
    self.environment = environment
    self.directory = directory
    self.timeout = timeout
  }

  /// Runs the command to its end (or its timeout, when it is killed) and returns what it printed,
  /// stdout and stderr interleaved as a terminal shows them. Waits without blocking a thread.
  ///
  /// Output goes through a temporary file rather than a pipe: a pipe fills up and stalls a chatty
  /// command, and a background process the command leaves behind would hold a pipe open forever.
  public func run() async -> ShellResult {
    let outputPath = NSTemporaryDirectory() + "kubelab-shell-\(UUID().uuidString).out"
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var shell = ProcessCommand.inheritingEnvironment("/bin/sh", ["-c", command], overrides: environment)
    shell.directory = directory
    shell.output = .file(outputPath, flags: O_WRONLY | O_CREAT | O_TRUNC)
    shell.error = .sameAs(1)
    shell.ownProcessGroup = true
    let process: SpawnedProcess
    do {
      process = try SpawnedProcess(shell)
    } catch {
      return ShellResult(status: nil, output: "", failure: "\(error)")
    }
    let deadline = ContinuousClock.now + timeout
    var timedOut = false
    while process.isRunning {
      if ContinuousClock.now >= deadline || Task.isCancelled {
        timedOut = !Task.isCancelled
        // The child leads its own process group: end the commands it started too, which would
        // otherwise keep running.
        process.signal(SIGKILL, group: true)
        break
      }
      // A condition poll: a child's end wakes no task.
      try? await Task.sleep(for: .milliseconds(10))
    }
    let ended = process.waitUntilExit()
    let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    if timedOut {
      return ShellResult(status: nil, output: text, failure: "it did not finish within \(timeout.formattedSeconds)")
    }
    if Task.isCancelled { return ShellResult(status: nil, output: text, failure: "it was cancelled") }
    return ShellResult(status: ended.shellStatus, output: text, failure: nil)
  }
}

/// How a shell command ended.
public struct ShellResult: Sendable {
  /// The exit status; nil when the command could not start, timed out or was cancelled.
  public var status: Int32?
  /// stdout and stderr together.
  public var output: String
  /// Why there is no exit status.
  public var failure: String?

  public var succeeded: Bool { status == 0 }

  /// The last non-empty lines of the output, for messages.
  public func outputTail(lines: Int = 5) -> String {
    output.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).joined(separator: "\n")
  }
}
