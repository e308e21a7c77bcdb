import Foundation

/// Credentials describe themselves without their secret, so that printing one (in a log, an error,
/// `kubelab doctor`) cannot leak a token or a private key.
extension Credential: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public var description: String {
    switch self {
    case .bearerToken: return "bearer token (redacted)"
    case .clientCertificate(let certificatePEM, _):
      return "client certificate (\(certificatePEM.count) bytes of PEM, key redacted)"
    }
  }

  public var debugDescription: String { description }

  /// `dump` and reflection show the description, not the associated values.
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }

  /// The secret parts as text, for taking them out of other programs' output.
  var secrets: [String] {
    switch self {
    case .bearerToken(let token): return [token]
    case .clientCertificate(_, let keyPEM): return [String(decoding: keyPEM, as: UTF8.self)]
    }
  }
}
