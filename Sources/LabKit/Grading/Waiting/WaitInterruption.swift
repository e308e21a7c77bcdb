import Foundation

/// Lets a learner end a grading pass's waiting early (Ctrl-C): polling stops at its next round and
/// the grades found so far are kept. Set from a signal handler's queue, read by the polling loop.
public final class WaitInterruption: @unchecked Sendable {
  private let lock = NSLock()
  private var requested = false

  public init() {}

  public func request() { lock.withLock { requested = true } }

  public var isRequested: Bool { lock.withLock { requested } }
}
