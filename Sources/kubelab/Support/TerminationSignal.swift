import Foundation

/// Waits for SIGINT or SIGTERM, so a server can shut down cleanly and exit 0.
///
/// `block()` must run first, before any thread starts: every thread then inherits a mask in which
/// both signals are blocked, no thread can be killed by them, and `wait()` takes them with
/// sigwait. (A dispatch signal source is not enough: a parent that spawned us from a thread with
/// signals blocked hands that mask down, and the signals would never be delivered.)
enum TerminationSignal {
  static func block() {
    var signals = set
    pthread_sigmask(SIG_BLOCK, &signals, nil)
  }

  static func wait() {
    var signals = set
    var received: Int32 = 0
    sigwait(&signals, &received)
  }

  private static var set: sigset_t {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    return signals
  }
}
