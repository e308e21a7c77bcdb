import Foundation

/// Everything needed to reach one cluster as one user, resolved from a kubeconfig or from the
/// in-cluster service account: what the transport connects to and how it authenticates.
public struct ClusterEndpoint: Sendable {
  /// `https://host:port`, with any path prefix the kubeconfig's `server` has.
  public var server: String
  /// PEM of the CA bundle to trust; nil trusts the system's CAs.
  public var certificateAuthorityPEM: Data?
  public var insecureSkipTLSVerify = false
  /// The name to verify the server's certificate against, when it differs from the URL's host.
  public var tlsServerName: String?
  public var proxyURL: String?
  /// Where requests authenticate from: a client certificate, a bearer token, an exec plugin.
  public var credentials: CredentialSource?
  /// The namespace commands default to (the context's, an override, or `default`).
  public var namespace = "default"
  /// For `kubelab doctor`: where the endpoint came from, never a secret.
  public var origin = EndpointOrigin()

  public init(server: String) {
    self.server = server
  }
}

/// Where an endpoint was read from, for messages and `kubelab doctor`.
public struct EndpointOrigin: Sendable {
  public var kubeconfigFiles: [String] = []
  public var context: String?
  public var cluster: String?
  public var user: String?
  /// How the user authenticates, without its secret: "client certificate CN=…", "bearer token
  /// (tokenFile /path)", "exec plugin aws", "in-cluster service account".
  public var authentication = "none"

  public init() {}
}

/// A credential a request presents.
public enum Credential: Sendable, Equatable {
  case bearerToken(String)
  case clientCertificate(certificatePEM: Data, keyPEM: Data)
}

/// A source of credentials that may change over time (rotated token files, exec plugins whose
/// tokens expire). The transport asks before each request and calls `invalidate` after a 401.
public protocol CredentialSource: Sendable {
  /// The credentials to present now; several when a client certificate and a token are both set.
  func current() throws -> [Credential]
  /// Forget any cached credential, so the next `current()` fetches a fresh one.
  func invalidate()
}
