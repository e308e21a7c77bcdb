import Foundation
import KubeClient
import Testing

@Suite("Kubeconfig errors: located, and free of secrets")
struct KubeconfigErrorTests {
  /// A kubeconfig with one context `main` whose user is `userBody` (indented under `user:`).
  static func kubeconfig(user userBody: String, cluster: String = "server: https://lab.example") -> String {
    """
    apiVersion: v1
    current-context: main
    clusters:
    - name: c
      cluster:
        \(cluster)
    users:
    - name: u
      user:
    \(userBody.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
    contexts:
    - name: main
      context: {cluster: c, user: u}

    """
  }

  @Test func missingFileNamesFileLineColumnFieldAndResolvedPath() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("client.crt", TestPEM.certificate)
    let path = try folder.write(
      "config", Self.kubeconfig(user: "client-certificate: client.crt\nclient-key: key.pem"))
    let error = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: path).load() }
    #expect(
      error.description
        == "\(path):11:5: users[0].user.client-key: file \"key.pem\" not found (resolved to \(folder.path)/key.pem)")
    #expect(error.position?.line == 11)
    #expect(error.field?.description == "users[0].user.client-key")
  }

  @Test func wrongTypesAndMissingServerArePointedAt() throws {
    let folder = try KubeconfigTestFolder()
    let numeric = try folder.write("numeric", Self.kubeconfig(user: "token: abc", cluster: "server: 6443"))
    let typeError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: numeric).load() }
    #expect(typeError.description == "\(numeric):6:5: clusters[0].cluster.server: expected a string, found integer")

    let noServer = try folder.write("noserver", Self.kubeconfig(user: "token: abc", cluster: "tls-server-name: x"))
    let serverError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: noServer).load() }
    #expect(serverError.description == "\(noServer):5:3: clusters[0].cluster: no server found for cluster \"c\"")
  }

  @Test func yamlSyntaxErrorsKeepTheirPosition() throws {
    let folder = try KubeconfigTestFolder()
    let path = try folder.write("config", "clusters:\n- name: c\n  cluster: [unclosed\n")
    let error = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: path).load() }
    #expect(error.description.hasPrefix("\(path):"))
    #expect(error.position?.line ?? 0 >= 3)
  }

  @Test func duplicateNamesInOneFileAreRejected() throws {
    let folder = try KubeconfigTestFolder()
    let path = try folder.write(
      "config",
      "current-context: main\nclusters:\n- name: c\n  cluster: {server: https://a}\n- name: c\n  cluster: {server: https://b}\n"
    )
    let error = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: path).load() }
    #expect(error.description == "\(path):5:3: clusters[1].name: duplicate name \"c\" in clusters (first at line 3)")
  }

  @Test func missingClusterOfAContextIsNamed() throws {
    let folder = try KubeconfigTestFolder()
    let path = try folder.write(
      "config", "current-context: main\ncontexts:\n- name: main\n  context:\n    cluster: nowhere\n")
    let error = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: path).load() }
    #expect(error.description == "\(path):5:5: contexts[0].context.cluster: cluster \"nowhere\" not found in \(path)")
  }

  @Test func removedAuthProvidersNameTheirMigration() throws {
    let folder = try KubeconfigTestFolder()
    let gcp = try folder.write(
      "gcp", Self.kubeconfig(user: "auth-provider:\n  name: gcp\n  config:\n    access-token: ya29.secret-value"))
    let gcpError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: gcp).load() }
    #expect(
      gcpError.description.hasPrefix("\(gcp):10:5: users[0].user.auth-provider: the gcp auth provider was removed"))
    #expect(gcpError.description.contains("gke-gcloud-auth-plugin"))
    #expect(
      gcpError.description.contains(
        "https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke"))
    #expect(!gcpError.description.contains("ya29.secret-value"))

    let azure = try folder.write("azure", Self.kubeconfig(user: "auth-provider: {name: azure}"))
    let azureError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: azure).load() }
    #expect(azureError.description.contains("the azure auth provider was removed in kubectl 1.26"))
    #expect(azureError.description.contains("https://github.com/Azure/kubelogin"))
  }

  @Test func basicAuthIsReportedUnsupportedWithoutThePassword() throws {
    let folder = try KubeconfigTestFolder()
    let path = try folder.write("config", Self.kubeconfig(user: "username: admin\npassword: hunter2-secret"))
    let error = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: path).load() }
    #expect(error.description.hasPrefix("\(path):10:5: users[0].user.username: basic authentication"))
    #expect(!error.description.contains("hunter2-secret"))
  }

  @Test func conflictingAndIncompleteUserSettings() throws {
    let folder = try KubeconfigTestFolder()
    let keyless = try folder.write(
      "keyless", Self.kubeconfig(user: "client-certificate-data: \(TestPEM.base64(TestPEM.certificate))"))
    let keyError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: keyless).load() }
    #expect(keyError.message == "client-key or client-key-data must be set to use a client certificate")

    let badBase64 = try folder.write(
      "badbase64",
      Self.kubeconfig(
        user: "client-certificate-data: \(TestPEM.base64(TestPEM.certificate))\nclient-key-data: not*base64*secret"))
    let base64Error = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: badBase64).load() }
    #expect(base64Error.description == "\(badBase64):11:5: users[0].user.client-key-data: not valid base64")

    let v1WithoutMode = try folder.write(
      "v1", Self.kubeconfig(user: "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: plugin"))
    let modeError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: v1WithoutMode).load() }
    #expect(modeError.field?.description == "users[0].user.exec")
    #expect(modeError.message.hasPrefix("interactiveMode must be specified"))

    let alpha = try folder.write(
      "alpha",
      Self.kubeconfig(
        user: "exec:\n  apiVersion: client.authentication.k8s.io/v1alpha1\n  command: plugin"))
    let versionError = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: alpha).load() }
    #expect(versionError.field?.description == "users[0].user.exec.apiVersion")
  }

  @Test func noSecretInAnyDescription() throws {
    let folder = try KubeconfigTestFolder()
    let token = "tok-0123456789-very-secret"
    let keyPEM = "-----BEGIN PRIVATE KEY-----\nS0VZLU1BVEVSSUFMLXNlY3JldA==\n-----END PRIVATE KEY-----\n"
    let path = try folder.write(
      "config",
      Self.kubeconfig(
        user: """
          token: \(token)
          client-certificate-data: \(TestPEM.base64(TestPEM.certificate))
          client-key-data: \(TestPEM.base64(keyPEM))
          """, cluster: "server: https://lab.example\n    proxy-url: http://user:proxy-pass-secret@proxy:3128"))
    let endpoint = try folder.loader(kubeconfig: path).load()
    let credentials = try #require(try endpoint.credentials?.current())
    #expect(credentials.count == 2)
    var dumped = ""
    dump(endpoint, to: &dumped)
    var dumpedCredentials = ""
    dump(credentials, to: &dumpedCredentials)
    let texts = [
      "\(endpoint)", String(reflecting: endpoint), "\(credentials)", String(reflecting: credentials),
      "\(endpoint.credentials.map { String(describing: $0) } ?? "")", endpoint.origin.authentication, dumped,
      dumpedCredentials,
    ]
    for text in texts {
      #expect(!text.contains(token))
      #expect(!text.contains("S0VZLU1BVEVSSUFMLXNlY3JldA"))
      #expect(!text.contains("proxy-pass-secret"))
    }
    #expect(
      "\(endpoint)".contains("authentication: client certificate (client-certificate-data) + bearer token (token)"))
    #expect("\(endpoint)".contains("proxy http://user:REDACTED@proxy:3128"))
  }
}
