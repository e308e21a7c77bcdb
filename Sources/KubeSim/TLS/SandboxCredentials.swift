import Foundation

/// Everything a TLS sandbox authenticates with: its PKI (for the admin client certificate) and
/// a random admin bearer token, plus the authenticator that accepts both.
public struct SandboxCredentials: Sendable {
  /// The user the generated bearer token authenticates as (the certificate user stays
  /// `kubernetes-admin`, so a lab can tell the two apart).
  public static let tokenUserName = "kubelab-admin"

  public let pki: SandboxPKI
  public let adminToken: BearerToken
  public let authenticator: SandboxAuthenticator

  public init(extraServerHosts: [String] = [], now: Date = Date()) throws {
    pki = try SandboxPKI(extraServerHosts: extraServerHosts, now: now)
    adminToken = BearerToken.random()
    let tokenUser = AuthenticatedUser(name: Self.tokenUserName, groups: [SandboxPKI.adminGroup])
    authenticator = SandboxAuthenticator(tokenUsers: [(token: adminToken, user: tokenUser)])
  }
}
