import Foundation
import KubeSim
import Processes
import Synchronization

/// A running `kubectl exec` command: its stdin (or terminal) and its process.
final class ProcessExecution: ContainerExecution, Sendable {
  let process: SpawnedProcess
  /// Nil once closed.
  private let input: Mutex<Int32?>
  private let isTerminal: Bool

  init(process: SpawnedProcess, input: Int32, isTerminal: Bool) {
    self.process = process
    self.input = Mutex(input)
    self.isTerminal = isTerminal
  }

  func write(_ bytes: [UInt8]) {
    input.withLock { input in
      guard let input else { return }
      DescriptorWriter.writeAll(input, bytes)
    }
  }

  /// Ends stdin; on a terminal, sends end-of-file as a keyboard would.
  func closeInput() {
    input.withLock { input in
      guard let fd = input else { return }
      if isTerminal { DescriptorWriter.writeAll(fd, [4]) }
      close(fd)
      input = nil
    }
  }

  func resize(width: Int, height: Int) {
    input.withLock { input in
      guard let input, isTerminal else { return }
      ProcessPipes.resize(input, width: width, height: height)
    }
  }

  /// Its whole group, as a container's: both bwrap processes (see BubblewrapEngine.stop).
  func stop() {
    process.signal(SIGKILL, group: true)
  }
}

/// A port-forward's relay is a process too: what is written goes to the far end, and closing its
/// input is the client's half-close.
extension ProcessExecution: ForwardedConnection {}

/// What a relay wrote to stderr, kept for the error it reports.
final class FailureText: Sendable {
  private let bytes = Mutex<[UInt8]>([])

  func append(_ more: [UInt8]) { bytes.withLock { $0 += more } }
  var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}
