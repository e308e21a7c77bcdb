import Foundation

/// The write end of the pipe the signal handler reports to; set once before the handler is installed.
private var terminationPipeWriter: Int32 = -1

/// Waits for SIGINT or SIGTERM, so a server can shut down cleanly and exit 0.
///
/// `install()` must run first, before any thread starts. Blocking the signals in every thread is
/// not enough: dispatch's worker threads unblock them, and one of those would be killed by the
/// default action. So a handler takes them on whichever thread the kernel picks and writes to a
/// pipe that `wait()` reads. Both signals are unblocked too, since a parent that spawned us from a
/// thread with them blocked hands that mask down and they would never arrive.
enum TerminationSignal {
  private static var reader: Int32 = -1

  static func install() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    reader = ends[0]
    terminationPipeWriter = ends[1]
    var signals = sigset_t()
    sigemptyset(&signals)
    for number in [SIGINT, SIGTERM] {
      sigaddset(&signals, number)
      signal(number) { _ in
        var byte: UInt8 = 1
        _ = write(terminationPipeWriter, &byte, 1)
      }
    }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  static func wait() {
    var byte: UInt8 = 0
    while read(reader, &byte, 1) < 0, errno == EINTR {}
  }
}
