import Synchronization

/// Set from any thread when a caller gives up on a request; the transfer's progress callback
/// reads it and aborts the blocking libcurl call.
final class CancellationFlag: Sendable {
  private let cancelled = Mutex(false)

  var isCancelled: Bool { cancelled.withLock { $0 } }

  func cancel() { cancelled.withLock { $0 = true } }
}
