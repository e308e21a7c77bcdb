/// Credentials fixed when the kubeconfig was read: a `token`, client certificate and key data.
struct StaticCredentialSource: CredentialSource, CustomStringConvertible {
  let credentials: [Credential]
  /// What the credentials are, without their secret, e.g. "bearer token (token)".
  let description: String

  func current() throws -> [Credential] { credentials }

  /// Nothing to refresh: the same credentials are all there is.
  func invalidate() {}
}
