import Foundation
import LabKit
import Synchronization

/// The semaphore the SIGINT handler posts: a plain global, as in `TerminationSignal`, so that the
/// handler touches nothing lazily initialised (sem_post is async-signal-safe).
nonisolated(unsafe) private var interruptSemaphore = sem_t()

/// While a grading pass runs, Ctrl-C ends its waiting instead of kubelab: polling stops at its
/// next round and the grades found so far are recorded and printed. A second Ctrl-C ends kubelab.
enum InterruptibleWait {
  /// The pass Ctrl-C would interrupt now, if any.
  private static let current = CurrentPass()

  /// One thread for the life of the process takes the handler's posts and interrupts the current
  /// pass: a thread per pass could take a post meant for the next one.
  private static let watcher: Void = {
    sem_init(&interruptSemaphore, 0, 0)
    Thread {
      while true {
        while sem_wait(&interruptSemaphore) != 0 {}
        guard let interruption = current.take() else { continue }
        signal(SIGINT, SIG_DFL)
        interruption.request()
        FileHandle.standardError.write(Data("\nStopped waiting; the grades so far are kept.\n".utf8))
      }
    }.start()
  }()

  static func run<Value>(_ body: (WaitInterruption) async throws -> Value) async rethrows -> Value {
    _ = watcher
    let interruption = WaitInterruption()
    current.set(interruption)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in sem_post(&interruptSemaphore) }
    sigemptyset(&action.sa_mask)
    var previous = sigaction()
    sigaction(SIGINT, &action, &previous)
    defer {
      _ = current.take()
      sigaction(SIGINT, &previous, nil)
    }
    return try await body(interruption)
  }

  private final class CurrentPass: Sendable {
    private let interruption = Mutex<WaitInterruption?>(nil)

    func set(_ value: WaitInterruption) { interruption.withLock { $0 = value } }

    /// The current pass's interruption, which no later Ctrl-C takes again.
    func take() -> WaitInterruption? {
      interruption.withLock { $0.take() }
    }
  }
}
