import Foundation

/// Set from any thread when a caller gives up on a request; the transfer's progress callback
/// reads it and aborts the blocking libcurl call.
final class CancellationFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false

  var isCancelled: Bool { lock.withLock { cancelled } }

  func cancel() { lock.withLock { cancelled = true } }
}
