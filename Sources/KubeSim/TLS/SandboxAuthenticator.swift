import Crypto
import Foundation

/// Decides who a request comes from, the way kube-apiserver's authenticators do: a verified
/// client certificate first (CN is the user, each O a group), then an `Authorization: Bearer`
/// token. A request with neither, or with an unknown token, is not authenticated: the server
/// answers 401 Unauthorized.
public struct SandboxAuthenticator: Sendable {
  /// Only digests of the tokens are kept, so the authenticator never holds a secret to leak.
  private struct TokenEntry: Sendable {
    let digest: [UInt8]
    let user: AuthenticatedUser
  }

  private let tokenEntries: [TokenEntry]

  /// - Parameter tokenUsers: each accepted bearer token and the user (name, groups) it stands for.
  public init(tokenUsers: [(token: BearerToken, user: AuthenticatedUser)]) {
    tokenEntries = tokenUsers.map { TokenEntry(digest: Self.digest($0.token.secret), user: $0.user) }
  }

  /// - Parameters:
  ///   - clientCertificate: the subject of the TLS client certificate the handshake verified, if any.
  ///   - authorizationHeader: the request's `Authorization` header, if any.
  public func authenticate(
    clientCertificate: ClientCertificateSubject?,
    authorizationHeader: String?
  ) -> AuthenticatedUser? {
    // A certificate without a common name names no user; kube-apiserver ignores it too.
    if let subject = clientCertificate, !subject.commonName.isEmpty {
      return Self.withAuthenticatedGroup(AuthenticatedUser(name: subject.commonName, groups: subject.organizations))
    }
    guard let header = authorizationHeader, let token = Self.bearerToken(in: header) else { return nil }
    return user(forToken: token).map(Self.withAuthenticatedGroup)
  }

  /// The token of a `Bearer <token>` header (scheme case-insensitive), or nil for other schemes.
  static func bearerToken(in header: String) -> String? {
    let parts = header.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else { return nil }
    return String(parts[1])
  }

  private func user(forToken token: String) -> AuthenticatedUser? {
    let candidate = Self.digest(token)
    var found: AuthenticatedUser?
    // Every entry is compared in full so timing reveals neither which token nor how much matched.
    for entry in tokenEntries where Self.constantTimeEqual(entry.digest, candidate) {
      found = entry.user
    }
    return found
  }

  private static func digest(_ token: String) -> [UInt8] {
    Array(SHA256.hash(data: Array(token.utf8)))
  }

  private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
    return difference == 0
  }

  private static func withAuthenticatedGroup(_ user: AuthenticatedUser) -> AuthenticatedUser {
    if user.groups.contains(AuthenticatedUser.authenticatedGroup) { return user }
    return AuthenticatedUser(name: user.name, groups: user.groups + [AuthenticatedUser.authenticatedGroup])
  }
}
