import Synchronization

/// Lets a learner end a grading pass's waiting early (Ctrl-C): polling stops at its next round and
/// the grades found so far are kept. Set from a signal handler's queue, read by the polling loop.
public final class WaitInterruption: Sendable {
  private let requested = Mutex(false)

  public init() {}

  public func request() { requested.withLock { $0 = true } }

  public var isRequested: Bool { requested.withLock { $0 } }
}
