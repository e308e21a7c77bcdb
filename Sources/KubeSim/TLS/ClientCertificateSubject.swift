import NIOCore
import NIOSSL
import X509

/// Who a verified client certificate names, read the way kube-apiserver reads it: the common name
/// is the user name and each organization a group.
public struct ClientCertificateSubject: Sendable, Equatable {
  public let commonName: String
  public let organizations: [String]

  public init(commonName: String, organizations: [String]) {
    self.commonName = commonName
    self.organizations = organizations
  }

  public init(certificate: Certificate) {
    var commonName = ""
    var organizations: [String] = []
    for attribute in certificate.subject.flatMap({ $0 }) {
      guard let value = String(attribute.value) else { continue }
      switch attribute.type {
      case .RDNAttributeType.commonName: commonName = value
      case .RDNAttributeType.organizationName: organizations.append(value)
      default: continue
      }
    }
    self.init(commonName: commonName, organizations: organizations)
  }

  public init(certificate: NIOSSLCertificate) throws {
    self.init(certificate: try Certificate(derEncoded: certificate.toDERBytes()))
  }
}

extension ChannelPipeline.SynchronousOperations {
  /// The subject of the client certificate this connection's TLS handshake verified, or nil when
  /// the client sent none. Call on the channel's event loop once the handshake is done (any HTTP
  /// request handler may: requests only flow after it). Throws if the pipeline has no TLS handler.
  public func verifiedClientCertificateSubject() throws -> ClientCertificateSubject? {
    // With `.optionalVerification` the handshake fails on any certificate that does not chain to
    // the trust roots, so a peer certificate present here has been verified.
    try nioSSL_peerCertificate().map(ClientCertificateSubject.init(certificate:))
  }
}

extension Channel {
  /// `verifiedClientCertificateSubject()` from any thread.
  public func verifiedClientCertificateSubject() -> EventLoopFuture<ClientCertificateSubject?> {
    nioSSL_peerCertificate().flatMapThrowing { try $0.map(ClientCertificateSubject.init(certificate:)) }
  }
}
