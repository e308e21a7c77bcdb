import Foundation
import X509

/// Certificates and keys read from the node's PEM files, as Go's crypto/tls loads them.
enum PEMCertificates {
  /// Every certificate in a PEM text (a bundle may hold several).
  static func certificates(_ pem: String) -> [Certificate] {
    let marker = "-----END CERTIFICATE-----"
    return pem.components(separatedBy: marker).dropLast().compactMap { block in
      guard let start = block.range(of: "-----BEGIN CERTIFICATE-----") else { return nil }
      return try? Certificate(pemEncoded: String(block[start.lowerBound...]) + marker)
    }
  }

  static func privateKey(_ pem: String) -> Certificate.PrivateKey? {
    try? Certificate.PrivateKey(pemEncoded: pem)
  }

  /// Whether `issuer` signed `certificate`.
  static func isSigned(_ certificate: Certificate, by issuer: Certificate) -> Bool {
    certificate.issuer == issuer.subject && issuer.publicKey.isValidSignature(certificate.signature, for: certificate)
  }
}
