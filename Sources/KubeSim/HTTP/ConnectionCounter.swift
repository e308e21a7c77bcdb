import Synchronization

/// Counts the TCP connections the sandbox accepted, so tests can show that clients reuse them.
public final class ConnectionCounter: Sendable {
  private let accepted = Mutex(0)

  public init() {}

  public var count: Int { accepted.withLock { $0 } }

  func increment() { accepted.withLock { $0 += 1 } }
}
