import Foundation
import Synchronization

/// Faults the sandbox injects into its next responses, so clients' retries, timeouts and error
/// reporting can be tested against a real socket: `kubelab sandbox --faults …` or from tests.
public final class FaultInjector: Sendable {
  public enum Fault: Sendable, Equatable {
    /// Answer with this HTTP status and a Status body (429 and 503 carry `Retry-After: 1`).
    case status(Int)
    /// Send the response head and half of the body, then close the connection.
    case closeMidResponse
    /// Answer normally, after this many seconds.
    case delay(TimeInterval)
  }

  private let queue = Mutex<[Fault]>([])

  public init() {}

  /// Queues `fault` for the next `count` requests, after any faults already queued.
  public func inject(_ fault: Fault, count: Int = 1) {
    queue.withLock { $0 += Array(repeating: fault, count: max(0, count)) }
  }

  public func clear() { queue.withLock { $0.removeAll() } }

  /// How many injected faults no request has taken yet: a test sees its request arrive when the
  /// count drops.
  public var pending: Int { queue.withLock { $0.count } }

  /// The fault for the request being answered now, if any.
  func take() -> Fault? {
    queue.withLock { $0.isEmpty ? nil : $0.removeFirst() }
  }

  /// Parses `--faults`: comma-separated `status:503`, `close` or `delay:1.5`, each optionally
  /// followed by `*N` for the next N requests (default 1), e.g. `status:503*2,close,delay:3`.
  public static func parse(_ specification: String) throws -> [(fault: Fault, count: Int)] {
    try specification.split(separator: ",").map { item in
      let parts = item.trimmingCharacters(in: .whitespaces).split(separator: "*", maxSplits: 1)
      var count = 1
      if parts.count == 2 {
        guard let parsed = Int(parts[1]), parsed > 0 else {
          throw FaultSpecificationError(item: String(item), reason: "the count after * must be a positive number")
        }
        count = parsed
      }
      let words = parts[0].split(separator: ":", maxSplits: 1).map(String.init)
      switch (words.first, words.count) {
      case ("status", 2):
        guard let code = Int(words[1]), (400...599).contains(code) else {
          throw FaultSpecificationError(item: String(item), reason: "status needs an HTTP error code from 400 to 599")
        }
        return (.status(code), count)
      case ("close", 1): return (.closeMidResponse, count)
      case ("delay", 2):
        guard let seconds = TimeInterval(words[1]), seconds >= 0 else {
          throw FaultSpecificationError(item: String(item), reason: "delay needs a number of seconds")
        }
        return (.delay(seconds), count)
      default:
        throw FaultSpecificationError(
          item: String(item), reason: "expected status:CODE, close or delay:SECONDS, optionally followed by *COUNT")
      }
    }
  }
}

public struct FaultSpecificationError: Error, CustomStringConvertible {
  public var item: String
  public var reason: String
  public var description: String { "invalid fault \"\(item)\": \(reason)" }
}
