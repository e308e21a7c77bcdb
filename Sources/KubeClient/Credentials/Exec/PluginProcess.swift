import Foundation

/// One run of a credential plugin: a child process with a deadline, its output captured.
enum PluginProcess {
  struct Output {
    var status: Int32
    var stdout: Data
    var stderr: Data
  }

  enum Failure: Error {
    case couldNotStart(String)
    case timedOut
  }

  /// Runs `executable` to completion or until `timeout`, when it is killed. With `passStdin` the
  /// plugin reads the caller's standard input (interactive login); otherwise it gets /dev/null.
  static func run(
    executable: String, arguments: [String], environment: [String: String], passStdin: Bool, timeout: TimeInterval
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = passStdin ? FileHandle.standardInput : FileHandle.nullDevice
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
      try process.run()
    } catch {
      throw Failure.couldNotStart(error.localizedDescription)
    }
    // Drain both pipes while the plugin runs, so a chatty plugin never blocks on a full pipe.
    let collected = CollectedOutput()
    let drained = DispatchGroup()
    for (pipe, isError) in [(stdout, false), (stderr, true)] {
      DispatchQueue.global().async(group: drained) {
        collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
      }
    }
    guard exited.wait(timeout: .now() + timeout) == .success else {
      process.terminate()
      if exited.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
      throw Failure.timedOut
    }
    // A grandchild that inherited the pipes could keep them open; do not wait for it forever.
    _ = drained.wait(timeout: .now() + 5)
    return Output(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr)
  }
}

private final class CollectedOutput: @unchecked Sendable {
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()

  func set(_ data: Data, isError: Bool) {
    lock.withLock { if isError { err = data } else { out = data } }
  }

  var stdout: Data { lock.withLock { out } }
  var stderr: Data { lock.withLock { err } }
}
