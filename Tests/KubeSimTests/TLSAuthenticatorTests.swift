import KubeSim
import Testing

@Suite("Sandbox authenticator")
struct TLSAuthenticatorTests {
  let token = BearerToken.random()
  let tokenUser = AuthenticatedUser(name: "kubelab-admin", groups: ["kubeadm:cluster-admins"])
  let admin = ClientCertificateSubject(commonName: "kubernetes-admin", organizations: ["kubeadm:cluster-admins"])

  var authenticator: SandboxAuthenticator {
    SandboxAuthenticator(tokenUsers: [
      (token: BearerToken.random(), user: AuthenticatedUser(name: "other", groups: [])),
      (token: token, user: tokenUser),
    ])
  }

  @Test func clientCertificateNamesTheUserAndItsGroups() {
    let user = authenticator.authenticate(clientCertificate: admin, authorizationHeader: nil)
    #expect(
      user == AuthenticatedUser(name: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"]))
  }

  @Test func clientCertificateWinsOverABadToken() {
    let user = authenticator.authenticate(clientCertificate: admin, authorizationHeader: "Bearer wrong")
    #expect(user?.name == "kubernetes-admin")
  }

  @Test func certificateWithoutCommonNameIsNoIdentity() {
    let nameless = ClientCertificateSubject(commonName: "", organizations: ["system:masters"])
    #expect(authenticator.authenticate(clientCertificate: nameless, authorizationHeader: nil) == nil)
  }

  @Test(arguments: ["Bearer ", "bearer ", "BEARER ", "  Bearer "])
  func acceptedBearerTokenNamesItsUser(prefix: String) {
    let user = authenticator.authenticate(clientCertificate: nil, authorizationHeader: prefix + token.secret)
    #expect(
      user == AuthenticatedUser(name: "kubelab-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"]))
  }

  @Test func unknownOrMalformedCredentialsAreRejected() {
    let headers: [String?] = [
      nil, "", "Bearer", "Bearer ", "Bearer  " + token.secret, "Basic " + token.secret, token.secret,
      "Bearer " + token.secret.dropLast(), "Bearer " + token.secret + "0", "Bearer " + token.secret.uppercased(),
    ]
    for header in headers {
      #expect(
        authenticator.authenticate(clientCertificate: nil, authorizationHeader: header) == nil, "\(header ?? "nil")")
    }
  }

  @Test func generatedTokensAreLongRandomAndNeverPrinted() {
    let other = BearerToken.random()
    #expect(token.secret.count == 64)
    #expect(token.secret != other.secret)
    #expect(!"\(token)".contains(token.secret) && !String(reflecting: token).contains(token.secret))
  }

  @Test func eachSandboxAcceptsOnlyItsOwnAdminToken() throws {
    let credentials = try SandboxCredentials()
    let byToken = credentials.authenticator.authenticate(
      clientCertificate: nil, authorizationHeader: "Bearer \(credentials.adminToken.secret)")
    #expect(byToken?.name == SandboxCredentials.tokenUserName)
    #expect(
      try SandboxCredentials().authenticator.authenticate(
        clientCertificate: nil, authorizationHeader: "Bearer \(credentials.adminToken.secret)") == nil)
  }
}
