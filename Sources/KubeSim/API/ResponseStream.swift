import Foundation

/// A response body sent piece by piece as it happens (a watch, `kubectl logs -f`): the HTTP layer
/// supplies how a piece is sent and how the stream ends.
public protocol ResponseStream: AnyObject, Sendable {
  /// How long the stream stays open at most.
  var timeout: TimeInterval { get }
  /// Starts delivering pieces to `send`, from any thread; `finish` ends the response early (the
  /// container exited). Returns false when the stream ended at once; the caller then ends the
  /// response.
  func start(send: @escaping @Sendable (String) -> Void, finish: @escaping @Sendable () -> Void) -> Bool
  func stop()
}
