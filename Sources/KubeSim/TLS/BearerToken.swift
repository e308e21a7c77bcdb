import Crypto

/// A secret bearer token, as a kubeconfig's `token:` carries it.
///
/// Deliberately neither Equatable nor printable: tokens are compared only by
/// `SandboxAuthenticator` in constant time, and `description` never shows the secret.
public struct BearerToken: Sendable {
  public let secret: String

  public init(secret: String) {
    self.secret = secret
  }

  /// A fresh token of 256 random bits from the system's secure generator, hex-encoded.
  public static func random() -> BearerToken {
    let key = SymmetricKey(size: .bits256)
    let hex = key.withUnsafeBytes { bytes in
      bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
    }
    return BearerToken(secret: hex)
  }
}

extension BearerToken: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { "BearerToken(<redacted>)" }
  public var debugDescription: String { description }
}
