import Foundation

/// The semaphore the signal handler posts: a plain global, so the handler touches nothing that
/// is lazily initialised (sem_post is async-signal-safe; Swift's lazy statics are not).
nonisolated(unsafe) private var terminationSemaphore = sem_t()

/// Waits for SIGINT or SIGTERM, so a server can shut down cleanly and exit 0.
///
/// The handler is process-wide, and `install()` unblocks both signals on the calling thread, the
/// one that later waits: a parent that spawned us from a thread with signals blocked hands that
/// mask down, and without this the signals would stay pending for ever.
enum TerminationSignal {
  static func install() {
    sem_init(&terminationSemaphore, 0, 0)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in sem_post(&terminationSemaphore) }
    sigemptyset(&action.sa_mask)
    for signalNumber in [SIGINT, SIGTERM] { sigaction(signalNumber, &action, nil) }
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  static func wait() {
    while sem_wait(&terminationSemaphore) != 0 {}
  }
}
