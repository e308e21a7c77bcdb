import Foundation
import X509

/// How etcdctl's gRPC client fares against the node's etcd: the TLS files are loaded as
/// crypto/tls loads them, then each endpoint is dialled against the member listening there,
/// which serves TLS with its certificate and requires a client certificate its CA signed
/// (`--client-cert-auth=true`, as kubeadm configures it).
struct EtcdConnection {
  /// A failure before any dial: a bad flag or an unreadable file (etcdctl exits 128).
  struct ConfigurationError: Error {
    var message: String
  }

  enum Dial {
    case connected(EtcdMember)
    /// The gRPC connection error, as the client's retry warning quotes it.
    case failed(String)
  }

  let node: NodeContext
  let options: EtcdClientOptions
  let directory: String
  private let clientCertificate: Certificate?
  private let authorities: [Certificate]

  init(node: NodeContext, options: EtcdClientOptions, directory: String) throws {
    self.node = node
    self.options = options
    self.directory = directory
    func read(_ path: String) throws -> String {
      guard let text = node.readText(path, from: directory) else {
        throw ConfigurationError(message: "open \(path): no such file or directory")
      }
      return text
    }
    if (options.certFile == nil) != (options.keyFile == nil) {
      throw ConfigurationError(
        message:
          "KeyFile and CertFile must both be present[key: \(options.keyFile ?? ""), cert: \(options.certFile ?? "")]")
    }
    var client: Certificate?
    if let certFile = options.certFile, let keyFile = options.keyFile {
      let certificate = PEMCertificates.certificates(try read(certFile)).first
      let keyText = try read(keyFile)
      guard let certificate else {
        throw ConfigurationError(message: "tls: failed to find any PEM data in certificate input")
      }
      guard let key = PEMCertificates.privateKey(keyText) else {
        throw ConfigurationError(message: "tls: failed to find any PEM data in key input")
      }
      guard key.publicKey == certificate.publicKey else {
        throw ConfigurationError(message: "tls: private key does not match public key")
      }
      client = certificate
    }
    clientCertificate = client
    authorities = try options.caFile.map { PEMCertificates.certificates(try read($0)) } ?? []
  }

  /// Dials one endpoint the way grpc-go reports it.
  func dial(_ endpoint: String) -> Dial {
    let scheme = endpoint.range(of: "://").map { String(endpoint[..<$0.lowerBound]) }
    let authority = Self.authority(endpoint)
    let members = EtcdMember.all(in: node.cluster)
    let listening = members.first { member in
      member.clientURLs.contains { url in
        let listened = Self.authority(url)
        // 127.0.0.1 reaches only this node's own member; its address reaches it from anywhere.
        return listened == authority && (!listened.hasPrefix("127.0.0.1:") || member.node == node.name)
      }
    }
    guard let member = listening, member.isRunning else {
      return .failed(
        "transport: Error while dialing: dial tcp \(authority): connect: connection refused")
    }
    let secure = scheme == "https" || (scheme == nil && (options.caFile != nil || options.certFile != nil))
    guard secure else { return .failed("error reading server preface: EOF") }
    let localCA = node.readText(member.trustedCAFile).flatMap { PEMCertificates.certificates($0).first }
    if !options.skipVerify {
      // The member's serving certificate; a member on another node has one from the same CA.
      let served =
        member.node == node.name
        ? node.readText(member.certFile).flatMap { PEMCertificates.certificates($0).first } : nil
      let trusted = authorities.contains { authority in
        if let served { return PEMCertificates.isSigned(served, by: authority) }
        return localCA.map { authority == $0 } ?? false
      }
      guard trusted else {
        return .failed(
          "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"
        )
      }
    }
    guard let clientCertificate else {
      return .failed("error reading server preface: remote error: tls: certificate required")
    }
    guard let localCA, PEMCertificates.isSigned(clientCertificate, by: localCA) else {
      return .failed("error reading server preface: remote error: tls: bad certificate")
    }
    return .connected(member)
  }

  /// `host:port` of an endpoint, with `localhost` read as 127.0.0.1.
  static func authority(_ endpoint: String) -> String {
    var rest = endpoint.range(of: "://").map { String(endpoint[$0.upperBound...]) } ?? endpoint
    if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
    if rest.hasPrefix("localhost:") { rest = "127.0.0.1:" + rest.dropFirst("localhost:".count) }
    return rest
  }
}
