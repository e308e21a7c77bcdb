import Foundation

/// Counts the TCP connections the sandbox accepted, so tests can show that clients reuse them.
public final class ConnectionCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var accepted = 0

  public init() {}

  public var count: Int { lock.withLock { accepted } }

  func increment() { lock.withLock { accepted += 1 } }
}
