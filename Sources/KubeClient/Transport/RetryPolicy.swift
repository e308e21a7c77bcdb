import Foundation

/// When a failed request is sent again, and how long to wait first.
///
/// As client-go does, only requests that are safe to repeat are retried: a GET (reads, lists and
/// watch starts) or HEAD that failed to connect, lost its connection, or got a 429 or 5xx. A POST
/// or PATCH is never repeated, since the server may have acted on it; PUT and DELETE only when
/// `retriedMethods` says so.
public struct RetryPolicy: Sendable {
  /// Retries after the first attempt; 0 disables retrying.
  public var maxRetries = 3
  /// The first backoff; each later one doubles, up to `maxDelay`.
  public var baseDelay: TimeInterval = 0.2
  public var maxDelay: TimeInterval = 5
  /// A server's `Retry-After` above this is cut to it, so one answer cannot stall a client.
  public var maxRetryAfter: TimeInterval = 10
  public var retriedMethods: Set<String> = ["GET", "HEAD"]

  public init(maxRetries: Int = 3, baseDelay: TimeInterval = 0.2, maxDelay: TimeInterval = 5) {
    self.maxRetries = maxRetries
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
  }

  public static let none = RetryPolicy(maxRetries: 0)

  /// Whether a response with this HTTP status is worth asking for again.
  static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

  /// The wait before retry number `retry` (0-based): the server's Retry-After when it sent one,
  /// else exponential backoff with up to 50 % jitter so many clients do not retry in step.
  func delay(beforeRetry retry: Int, retryAfter: TimeInterval?) -> TimeInterval {
    if let retryAfter { return min(max(retryAfter, 0), maxRetryAfter) }
    let backoff = min(maxDelay, baseDelay * pow(2, Double(retry)))
    return backoff * Double.random(in: 1...1.5)
  }
}
