import Foundation

/// What each container has written to its log, kept per pod uid and container name.
public final class PodLogs: @unchecked Sendable {
  private let lock = NSLock()
  private var texts: [String: String] = [:]

  public init() {}

  public func append(_ text: String, podUID: String, container: String) {
    lock.withLock { texts["\(podUID)/\(container)", default: ""] += text }
  }

  public func text(podUID: String, container: String) -> String {
    lock.withLock { texts["\(podUID)/\(container)"] ?? "" }
  }
}
