import Crypto
import Foundation
import X509

/// The sandbox cluster's certificate authority, made in memory at sandbox start, like the
/// `kubernetes` CA that kubeadm writes to /etc/kubernetes/pki/ca.crt.
///
/// Keys are ECDSA P-256: quick to generate, and accepted by kubectl (Go), curl, and Python's ssl.
public struct SandboxCertificateAuthority: Sendable {
  /// What an issued leaf certificate may be used for.
  public enum LeafUsage: Sendable, Equatable {
    /// A TLS server reachable under these DNS names and IP literals.
    case server(hosts: [String])
    /// A TLS client (a user authenticating with its certificate).
    case client
    /// Both, as etcd's server and peer certificates are: they serve and dial other members.
    case peer(hosts: [String])
  }

  public let certificate: Certificate
  private let privateKey: Certificate.PrivateKey

  /// Clients and servers whose clocks run slightly behind still accept a certificate made just now.
  static let clockSkewAllowance: TimeInterval = 5 * 60
  static let caValidity: TimeInterval = 10 * 365 * 24 * 3600
  static let leafValidity: TimeInterval = 365 * 24 * 3600

  /// Makes a new self-signed CA valid for ten years from `now`.
  public init(commonName: String = "kubernetes", now: Date = Date()) throws {
    let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
    let name = try DistinguishedName { CommonName(commonName) }
    let extensions = try Certificate.Extensions {
      Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
      Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
      SubjectKeyIdentifier(hash: key.publicKey)
    }
    self.certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: key.publicKey,
      notValidBefore: now - Self.clockSkewAllowance,
      notValidAfter: now + Self.caValidity,
      issuer: name,
      subject: name,
      extensions: extensions,
      issuerPrivateKey: key
    )
    self.privateKey = key
  }

  /// The CA certificate in PEM, as a kubeconfig's certificate-authority-data carries it.
  public func certificatePEM() throws -> String {
    try certificate.serializeAsPEM().pemString
  }

  /// The CA's private key in PEM, as kubeadm leaves it in /etc/kubernetes/pki/ca.key on a
  /// control-plane node (the sandbox writes it only into node trees, readable by their owner).
  public func privateKeyPEM() throws -> String {
    try privateKey.serializeAsPEM().pemString
  }

  /// Issues a leaf certificate with a fresh key, valid for one year from `now`.
  public func issue(
    commonName: String,
    organizations: [String] = [],
    usage: LeafUsage,
    now: Date = Date()
  ) throws -> PEMCredential {
    let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
    let subject = try DistinguishedName {
      for organization in organizations { OrganizationName(organization) }
      CommonName(commonName)
    }
    let authorityKeyIdentifier = AuthorityKeyIdentifier(
      keyIdentifier: try certificate.extensions.subjectKeyIdentifier?.keyIdentifier
    )
    let extensions = try Certificate.Extensions {
      Critical(BasicConstraints.notCertificateAuthority)
      Critical(KeyUsage(digitalSignature: true))
      switch usage {
      case .server(let hosts):
        try ExtendedKeyUsage([.serverAuth])
        SubjectAlternativeNames(hosts.map(GeneralName.forHost))
      case .client:
        try ExtendedKeyUsage([.clientAuth])
      case .peer(let hosts):
        try ExtendedKeyUsage([.serverAuth, .clientAuth])
        SubjectAlternativeNames(hosts.map(GeneralName.forHost))
      }
      authorityKeyIdentifier
    }
    let leaf = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: key.publicKey,
      notValidBefore: now - Self.clockSkewAllowance,
      notValidAfter: min(now + Self.leafValidity, certificate.notValidAfter),
      issuer: certificate.subject,
      subject: subject,
      extensions: extensions,
      issuerPrivateKey: privateKey
    )
    return PEMCredential(
      certificatePEM: try leaf.serializeAsPEM().pemString,
      privateKeyPEM: try key.serializeAsPEM().pemString
    )
  }
}

extension SandboxCertificateAuthority: CustomStringConvertible {
  public var description: String { "SandboxCertificateAuthority(\(certificate.subject), key: <redacted>)" }
}
