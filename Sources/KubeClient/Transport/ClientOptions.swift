import Foundation

/// How a client talks to its cluster, beyond the endpoint: timeouts, retries, identification.
public struct ClientOptions: Sendable {
  /// The longest a TCP connect plus TLS handshake may take.
  public var connectTimeout: TimeInterval = 10
  /// The longest one attempt of a request may take, headers to last byte; nil waits forever.
  /// Watches are not bound by it: they last until the server ends them or the caller cancels.
  public var requestTimeout: TimeInterval? = 30
  public var retry = RetryPolicy()
  public var userAgent = "kubelab/0.1"

  public init(
    connectTimeout: TimeInterval = 10, requestTimeout: TimeInterval? = 30, retry: RetryPolicy = RetryPolicy()
  ) {
    self.connectTimeout = connectTimeout
    self.requestTimeout = requestTimeout
    self.retry = retry
  }
}
