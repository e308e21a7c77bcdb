import KubeModel

/// Why a request to the cluster failed. API errors carry the server's Status; transport errors
/// say which server and what went wrong on the way. Descriptions never contain credentials.
public enum KubeClientError: Error, Sendable, CustomStringConvertible {
  /// The server answered with an error Status: NotFound, AlreadyExists, Invalid, Conflict, …
  case api(Status)
  /// 401: the server did not accept the credentials, even after fetching fresh ones.
  case unauthorized(server: String, status: Status)
  /// 403: the user is known but not allowed to do this.
  case forbidden(server: String, status: Status)
  case hostNotFound(server: String, host: String)
  case connectionRefused(server: String)
  /// The server, or the network, did not answer within the connect or request timeout.
  case timedOut(server: String, detail: String)
  /// The server's certificate could not be verified.
  case tlsVerificationFailed(server: String, failure: TLSVerificationFailure)
  /// The TLS handshake failed for another reason (protocol, client certificate rejected, …).
  case tlsHandshakeFailed(server: String, detail: String)
  /// The connection closed before the whole response arrived.
  case connectionClosed(server: String, detail: String)
  case proxyFailed(proxy: String, detail: String)
  /// Another libcurl failure, with its error text.
  case transport(server: String, detail: String)
  /// The answer was not what the API promises (not JSON, not the expected shape).
  case invalidResponse(server: String, detail: String)
  /// The credential source could not produce credentials (an exec plugin failed, a file is gone).
  case credentialsUnavailable(detail: String)
  case invalidConfiguration(String)
  /// The REST mapper knows no resource by this name.
  case unknownResource(String)
  case cancelled

  public enum TLSVerificationFailure: Sendable, Equatable {
    /// The chain does not lead to a CA the client trusts.
    case untrustedAuthority(detail: String)
    /// The certificate is valid but not for the name the client expected.
    case nameMismatch(detail: String)
  }

  /// The Status of an API, 401 or 403 error.
  public var status: Status? {
    switch self {
    case .api(let status), .unauthorized(_, let status), .forbidden(_, let status): return status
    default: return nil
    }
  }

  public var description: String {
    switch self {
    case .api(let status):
      return
        "the server reported \(status.reason.isEmpty ? "an error" : status.reason) (\(status.code)): \(status.message)"
    case .unauthorized(let server, _):
      return
        "the server \(server) rejected the credentials (401 Unauthorized): the token or client certificate is missing, expired or not trusted by this cluster"
    case .forbidden(let server, let status):
      return
        "the server \(server) refused the request (403 Forbidden): the user is authenticated but not allowed to do this: \(status.message)"
    case .hostNotFound(let server, let host):
      return "cannot reach the server \(server): the host name \"\(host)\" could not be resolved"
    case .connectionRefused(let server):
      return "cannot reach the server \(server): the connection was refused (is the API server running?)"
    case .timedOut(let server, let detail):
      return "the server \(server) did not answer in time: \(detail)"
    case .tlsVerificationFailed(let server, .untrustedAuthority(let detail)):
      return "the server \(server) presented a certificate not signed by a trusted CA (\(detail))"
    case .tlsVerificationFailed(let server, .nameMismatch(let detail)):
      return "the server \(server) presented a certificate that is not valid for the name it was reached by (\(detail))"
    case .tlsHandshakeFailed(let server, let detail):
      return "the TLS handshake with the server \(server) failed: \(detail)"
    case .connectionClosed(let server, let detail):
      return "the connection to the server \(server) closed before the response was complete: \(detail)"
    case .proxyFailed(let proxy, let detail):
      return "the proxy \(proxy) could not be used: \(detail)"
    case .transport(let server, let detail):
      return "the request to the server \(server) failed: \(detail)"
    case .invalidResponse(let server, let detail):
      return "the server \(server) sent an invalid response: \(detail)"
    case .credentialsUnavailable(let detail):
      return "could not get credentials: \(detail)"
    case .invalidConfiguration(let detail):
      return "invalid cluster endpoint: \(detail)"
    case .unknownResource(let name):
      return "the server doesn't have a resource type \"\(name)\""
    case .cancelled:
      return "the request was cancelled"
    }
  }
}
