import Foundation

/// Every certificate a sandbox cluster needs, generated in process at start (no openssl).
///
/// Mirrors what kubeadm writes: the `kubernetes` CA, the API server's serving certificate with
/// the in-cluster and loopback names, and the admin client certificate that admin.conf carries.
public struct SandboxPKI: Sendable {
  public static let adminUserName = "kubernetes-admin"
  /// The group kubeadm ≥ 1.29 puts in admin.conf's certificate, bound to cluster-admin.
  public static let adminGroup = "kubeadm:cluster-admins"
  public static let apiServerCommonName = "kube-apiserver"

  /// The names a real control plane's API server certificate answers to.
  public static let standardServerHosts = [
    "localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
    "kubernetes.default.svc.cluster.local", "controlplane", "127.0.0.1", "::1", "10.96.0.1",
  ]

  public let certificateAuthority: SandboxCertificateAuthority
  public let caCertificatePEM: String
  public let server: PEMCredential
  public let admin: PEMCredential

  /// - Parameter extraServerHosts: more DNS names or IP literals the server is reached by
  ///   (for example the bind address); duplicates of the standard names are ignored.
  public init(extraServerHosts: [String] = [], now: Date = Date()) throws {
    let authority = try SandboxCertificateAuthority(now: now)
    var hosts = Self.standardServerHosts
    for host in extraServerHosts where !hosts.contains(host) { hosts.append(host) }
    self.certificateAuthority = authority
    self.caCertificatePEM = try authority.certificatePEM()
    self.server = try authority.issue(
      commonName: Self.apiServerCommonName, usage: .server(hosts: hosts), now: now)
    self.admin = try authority.issue(
      commonName: Self.adminUserName, organizations: [Self.adminGroup], usage: .client, now: now)
  }
}
