import Foundation

/// How a kubeconfig `user` authenticates, read into a credential source and a description without
/// secrets. Validation follows client-go's: one of token and basic auth, certificate and key
/// together, no removed auth providers.
struct KubeconfigUserCredentials {
  let source: (any CredentialSource)?
  let description: String

  init(
    _ user: KubeconfigSection, cluster: KubeconfigCluster, environment: [String: String],
    execSettings: ExecPluginSettings
  ) throws {
    if let provider = try user.section("auth-provider") {
      throw provider.error(RemovedAuthProvider.message(for: try provider.string("name")))
    }
    if try user.string("username") != nil || user.string("password") != nil {
      throw user.error(
        """
        basic authentication (username/password) is not supported: the API server dropped it in Kubernetes \
        1.19; use a token, a client certificate or an exec plugin
        """, at: try user.string("username") != nil ? "username" : "password")
    }
    var sources: [any CredentialSource] = []
    if let certificate = try Self.clientCertificate(user) { sources.append(certificate) }
    if let token = try Self.bearerToken(user) { sources.append(token) }
    if let exec = try user.section("exec") {
      let plugin = try ExecPlugin(exec, cluster: cluster, environment: environment, settings: execSettings)
      sources.append(ExecCredentialSource(plugin: plugin))
    }
    switch sources.count {
    case 0: source = nil
    case 1: source = sources[0]
    default: source = CombinedCredentialSource(sources: sources)
    }
    description = source.map { String(describing: $0) } ?? "none"
  }

  private static func clientCertificate(_ user: KubeconfigSection) throws -> StaticCredentialSource? {
    let certificateFile = try user.fileContents("client-certificate")
    let certificateData = try user.base64Data("client-certificate-data")
    guard certificateFile != nil || certificateData != nil else { return nil }
    if certificateFile != nil && certificateData != nil {
      throw user.error(
        "client-certificate-data and client-certificate are both set; keep one", at: "client-certificate")
    }
    let keyFile = try user.fileContents("client-key")
    let keyData = try user.base64Data("client-key-data")
    if keyFile != nil && keyData != nil {
      throw user.error("client-key-data and client-key are both set; keep one", at: "client-key")
    }
    guard let key = keyData ?? keyFile?.data else {
      throw user.error("client-key or client-key-data must be set to use a client certificate")
    }
    let certificate = certificateData ?? certificateFile?.data ?? Data()
    guard certificate.range(of: Data("-----BEGIN".utf8)) != nil else {
      throw user.error(
        "not a PEM certificate", at: certificateData != nil ? "client-certificate-data" : "client-certificate")
    }
    guard key.range(of: Data("-----BEGIN".utf8)) != nil else {
      throw user.error("not a PEM private key", at: keyData != nil ? "client-key-data" : "client-key")
    }
    let from = certificateFile.map { "client-certificate \($0.path)" } ?? "client-certificate-data"
    return StaticCredentialSource(
      credentials: [.clientCertificate(certificatePEM: certificate, keyPEM: key)],
      description: "client certificate (\(from))")
  }

  /// `token` wins over `tokenFile` when both are set, as in client-go.
  private static func bearerToken(_ user: KubeconfigSection) throws -> (any CredentialSource)? {
    if let token = try user.string("token") {
      return StaticCredentialSource(credentials: [.bearerToken(token)], description: "bearer token (token)")
    }
    guard let file = try user.fileContents("tokenFile") else { return nil }
    let source = TokenFileCredentialSource(
      path: file.path, location: user.location(of: "tokenFile"), description: "bearer token (tokenFile \(file.path))")
    // Read once now so that an empty file is reported while loading, at its kubeconfig entry.
    _ = try source.current()
    return source
  }
}
