import NIOSSL

extension SandboxPKI {
  /// The sandbox API server's TLS settings.
  ///
  /// Clients are asked for a certificate but need not send one, as kube-apiserver does: a
  /// certificate, when sent, must chain to the sandbox CA or the handshake fails; a client without
  /// one (a bearer-token user) connects and is judged by the HTTP layer. Only HTTP/1.1 is offered
  /// by ALPN because that is all the sandbox speaks.
  public func serverTLSConfiguration() throws -> TLSConfiguration {
    let chain = try NIOSSLCertificate.fromPEMBytes(Array(server.certificatePEM.utf8))
    let key = try NIOSSLPrivateKey(bytes: Array(server.privateKeyPEM.utf8), format: .pem)
    let authority = try NIOSSLCertificate.fromPEMBytes(Array(caCertificatePEM.utf8))
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) },
      privateKey: .privateKey(key)
    )
    configuration.minimumTLSVersion = .tlsv12
    configuration.certificateVerification = .optionalVerification
    configuration.trustRoots = .certificates(authority)
    // Tells clients holding several certificates which one this server trusts.
    configuration.sendCANameList = true
    configuration.applicationProtocols = ["http/1.1"]
    // A closing connection waits this long for the client's close_notify. Clients that pool
    // connections (libcurl, kubectl) never send one, and NIOSSL's default of 5 s made every
    // in-process sandbox (`practice --sandbox`, `test`) take 5 s to shut down.
    configuration.shutdownTimeout = .milliseconds(200)
    return configuration
  }

  /// A ready NIOSSL context for `NIOSSLServerHandler(context:)`, built once per server.
  public func makeServerSSLContext() throws -> NIOSSLContext {
    try NIOSSLContext(configuration: serverTLSConfiguration())
  }
}
