/// A certificate and its private key, both PEM-encoded, ready for a kubeconfig or a TLS context.
///
/// The private key never appears in `description` or `debugDescription`, so printing or logging a
/// credential (or a value that contains one) cannot leak it.
public struct PEMCredential: Sendable, Equatable {
  public let certificatePEM: String
  public let privateKeyPEM: String

  public init(certificatePEM: String, privateKeyPEM: String) {
    self.certificatePEM = certificatePEM
    self.privateKeyPEM = privateKeyPEM
  }
}

extension PEMCredential: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { "PEMCredential(certificate: \(certificatePEM.utf8.count) bytes, key: <redacted>)" }
  public var debugDescription: String { description }
}
