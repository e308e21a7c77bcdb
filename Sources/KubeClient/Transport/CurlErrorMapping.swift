import CCurl
import Foundation

/// Names a failed libcurl transfer as a `KubeClientError`, by its CURLcode and error text.
struct CurlErrorMapping {
  var server: ServerURL
  var serverName: String
  var endpoint: ClusterEndpoint
  var redactor: SecretRedactor

  func error(for code: CURLcode, message: String) -> KubeClientError {
    let detail = redactor.redact(message.isEmpty ? String(cString: curl_easy_strerror(code)) : message)
    switch code {
    case CURLE_ABORTED_BY_CALLBACK:
      return .cancelled
    case CURLE_COULDNT_RESOLVE_HOST:
      return .hostNotFound(server: serverName, host: server.host)
    case CURLE_COULDNT_RESOLVE_PROXY:
      return .proxyFailed(proxy: endpoint.proxyURL ?? "", detail: detail)
    case CURLE_COULDNT_CONNECT where endpoint.proxyURL != nil:
      return .proxyFailed(proxy: endpoint.proxyURL ?? "", detail: detail)
    case CURLE_COULDNT_CONNECT:
      return .connectionRefused(server: serverName)
    case CURLE_OPERATION_TIMEDOUT:
      return .timedOut(server: serverName, detail: detail)
    case CURLE_PEER_FAILED_VERIFICATION:
      let lowered = detail.lowercased()
      if lowered.contains("subject name") || lowered.contains("does not match") || lowered.contains("no alternative") {
        return .tlsVerificationFailed(server: serverName, failure: .nameMismatch(detail: detail))
      }
      return .tlsVerificationFailed(server: serverName, failure: .untrustedAuthority(detail: detail))
    case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND,
      CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
      return .tlsHandshakeFailed(server: serverName, detail: detail)
    case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_HTTP2,
      CURLE_HTTP2_STREAM:
      return .connectionClosed(server: serverName, detail: detail)
    default:
      return .transport(server: serverName, detail: detail)
    }
  }

  /// Failures where the request surely did not complete and a new connection may succeed.
  static func isRetryable(_ error: KubeClientError) -> Bool {
    switch error {
    case .connectionRefused, .connectionClosed: return true
    default: return false
    }
  }
}
