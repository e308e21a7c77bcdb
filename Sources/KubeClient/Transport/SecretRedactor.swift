import Foundation

/// Removes credential text from messages before they leave the client, in case a server or
/// libcurl ever echoes a token or a key back: errors must be safe to print and log.
struct SecretRedactor: Sendable {
  private var secrets: [String] = []

  init(credentials: [Credential]) {
    for credential in credentials {
      switch credential {
      case .bearerToken(let token): secrets.append(token)
      case .clientCertificate(_, let keyPEM): secrets.append(String(decoding: keyPEM, as: UTF8.self))
      }
    }
    secrets = secrets.filter { $0.count >= 4 }
  }

  func redact(_ text: String) -> String {
    secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
  }
}
