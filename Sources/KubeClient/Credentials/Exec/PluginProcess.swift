import Foundation
import Processes
import Synchronization

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
    var command = ProcessCommand(executable, arguments, environment: environment)
    command.input = passStdin ? .inherit : .nullDevice
    let stdout = Pipe()
    let stderr = Pipe()
    command.output = .descriptor(stdout.fileHandleForWriting.fileDescriptor)
    command.error = .descriptor(stderr.fileHandleForWriting.fileDescriptor)
    let process: SpawnedProcess
    do {
      process = try SpawnedProcess(command)
    } catch {
      throw Failure.couldNotStart("\(error)")
    }
    // Only the plugin writes now: its end then ends the pipes.
    try? stdout.fileHandleForWriting.close()
    try? stderr.fileHandleForWriting.close()
    // Drain both pipes while the plugin runs, so a chatty plugin never blocks on a full pipe.
    let collected = CollectedOutput()
    let drained = DispatchGroup()
    for (pipe, isError) in [(stdout, false), (stderr, true)] {
      DispatchQueue.global().async(group: drained) {
        collected.set(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
      }
    }
    let overran = Atomic(false)
    let deadline = DispatchWorkItem {
      overran.store(true, ordering: .relaxed)
      process.end(with: SIGTERM, grace: 2)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
    let ended = process.waitUntilExit()
    deadline.cancel()
    if overran.load(ordering: .relaxed) { throw Failure.timedOut }
    // A grandchild that inherited the pipes could keep them open; do not wait for it forever.
    _ = drained.wait(timeout: .now() + 5)
    return Output(status: ended.shellStatus, stdout: collected.stdout, stderr: collected.stderr)
  }
}

private final class CollectedOutput: Sendable {
  private let collected = Mutex((out: Data(), err: Data()))

  func set(_ data: Data, isError: Bool) {
    collected.withLock { if isError { $0.err = data } else { $0.out = data } }
  }

  var stdout: Data { collected.withLock { $0.out } }
  var stderr: Data { collected.withLock { $0.err } }
}
