import Foundation
import KubeClient
import Testing

@Suite("Bearer token credentials")
struct CredentialTokenTests {
  static func kubeconfig(user: String) -> String {
    """
    current-context: main
    clusters:
    - name: c
      cluster: {server: "https://lab.example"}
    users:
    - name: u
      user:
        \(user)
    contexts:
    - name: main
      context: {cluster: c, user: u}

    """
  }

  @Test func inlineToken() throws {
    let folder = try KubeconfigTestFolder()
    let path = try folder.write("config", Self.kubeconfig(user: "token: inline-token-value"))
    let endpoint = try folder.loader(kubeconfig: path).load()
    #expect(try endpoint.credentials?.current() == [.bearerToken("inline-token-value")])
    #expect(endpoint.origin.authentication == "bearer token (token)")
  }

  @Test func tokenWinsOverTokenFile() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("token", "from-file")
    let path = try folder.write("config", Self.kubeconfig(user: "token: from-field\n    tokenFile: token"))
    #expect(try folder.loader(kubeconfig: path).load().credentials?.current() == [.bearerToken("from-field")])
  }

  @Test func tokenFileRotationIsPickedUp() throws {
    let folder = try KubeconfigTestFolder()
    let tokenPath = try folder.write("token", "first-token\n")
    let path = try folder.write("config", Self.kubeconfig(user: "tokenFile: token"))
    let credentials = try #require(try folder.loader(kubeconfig: path).load().credentials)
    #expect(try credentials.current() == [.bearerToken("first-token")])
    try folder.write("token", "second-token-after-rotation\n")
    #expect(try credentials.current() == [.bearerToken("second-token-after-rotation")])

    // An unchanged stamp (same size, same time) serves the cached token until invalidate().
    let stamp = Date(timeIntervalSince1970: 1_700_000_000)
    try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: tokenPath)
    #expect(try credentials.current() == [.bearerToken("second-token-after-rotation")])
    try folder.write("token", "third--token-after-rotation\n")
    try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: tokenPath)
    #expect(try credentials.current() == [.bearerToken("second-token-after-rotation")])
    credentials.invalidate()
    #expect(try credentials.current() == [.bearerToken("third--token-after-rotation")])
  }

  @Test func emptyOrVanishedTokenFileIsReportedAtItsEntry() throws {
    let folder = try KubeconfigTestFolder()
    let tokenPath = try folder.write("token", "  \n")
    let path = try folder.write("config", Self.kubeconfig(user: "tokenFile: token"))
    let empty = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: path).load() }
    #expect(empty.description == "\(path):8:5: users[0].user.tokenFile: token file \(tokenPath) is empty")

    try folder.write("token", "valid-token")
    let credentials = try #require(try folder.loader(kubeconfig: path).load().credentials)
    try FileManager.default.removeItem(atPath: tokenPath)
    let vanished = try #require(throws: KubeconfigError.self) { try credentials.current() }
    #expect(vanished.description == "\(path):8:5: users[0].user.tokenFile: cannot read token file \(tokenPath)")
  }
}
