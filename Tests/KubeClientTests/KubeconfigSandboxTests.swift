import Foundation
import KubeClient
import KubeModel
import KubeSim
import Testing

/// From kubeconfig to a TLS sandbox, end to end: every way a kubeconfig can name the cluster and
/// the user, loaded by KubeconfigLoader and used by KubeClient against a real socket.
@Suite struct KubeconfigSandboxTests {
  let sandbox: ClientTestSandbox
  let folder: KubeconfigTestFolder

  init() throws {
    sandbox = try ClientTestSandbox()
    folder = try KubeconfigTestFolder()
  }

  var base64CA: String { Data(sandbox.credentials.pki.caCertificatePEM.utf8).base64EncodedString() }
  var token: String { sandbox.credentials.adminToken.secret }

  func kubeconfig(cluster: String, user: String, context: String = "sandbox", namespace: String? = nil) -> String {
    """
    apiVersion: v1
    kind: Config
    clusters:
    - name: sandbox
      cluster:
        server: \(sandbox.sandbox.url)
    \(cluster)
    users:
    - name: learner
      user:
    \(user)
    contexts:
    - name: \(context)
      context:
        cluster: sandbox
        user: learner
    \(namespace.map { "    namespace: \($0)" } ?? "")
    current-context: \(context)
    """
  }

  /// Who the sandbox says the client is, through a SelfSubjectReview.
  func whoAmI(_ endpoint: ClusterEndpoint) async throws -> String? {
    let client = try KubeClient(endpoint: endpoint)
    let review = try await client.create(
      .testSelfSubjectReviews, ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
    return review[path: ["status", "userInfo", "username"]]?.stringValue
  }

  @Test func certificateAuthorityDataAndClientCertificateData() async throws {
    let pki = sandbox.credentials.pki
    let path = try folder.write(
      "config",
      kubeconfig(
        cluster: "    certificate-authority-data: \(base64CA)",
        user: """
              client-certificate-data: \(Data(pki.admin.certificatePEM.utf8).base64EncodedString())
              client-key-data: \(Data(pki.admin.privateKeyPEM.utf8).base64EncodedString())
          """))
    let endpoint = try folder.loader(kubeconfig: path).load()
    #expect(try await whoAmI(endpoint) == "kubernetes-admin")
  }

  @Test func certificateFilesRelativeToTheKubeconfig() async throws {
    let pki = sandbox.credentials.pki
    try folder.write("pki/ca.crt", pki.caCertificatePEM)
    try folder.write("pki/admin.crt", pki.admin.certificatePEM)
    try folder.write("pki/admin.key", pki.admin.privateKeyPEM)
    let path = try folder.write(
      "config",
      kubeconfig(
        cluster: "    certificate-authority: pki/ca.crt",
        user: """
              client-certificate: pki/admin.crt
              client-key: pki/admin.key
          """))
    #expect(try await whoAmI(try folder.loader(kubeconfig: path).load()) == "kubernetes-admin")
  }

  @Test func wrongCertificateAuthorityIsNotTrusted() async throws {
    let other = try ClientTestSandbox()
    let otherCA = Data(other.credentials.pki.caCertificatePEM.utf8).base64EncodedString()
    let path = try folder.write(
      "config", kubeconfig(cluster: "    certificate-authority-data: \(otherCA)", user: "    token: \(token)"))
    let error = await clientError { _ = try await whoAmI(try folder.loader(kubeconfig: path).load()) }
    guard case .tlsVerificationFailed(let server, _) = error else {
      Issue.record("expected a TLS verification failure, got \(String(describing: error))")
      return
    }
    #expect(server == sandbox.sandbox.url)
    #expect(String(describing: error!).contains("not signed by a trusted CA"))
  }

  @Test func insecureSkipTLSVerifyTrustsAnyCertificate() async throws {
    let path = try folder.write(
      "config", kubeconfig(cluster: "    insecure-skip-tls-verify: true", user: "    token: \(token)"))
    #expect(try await whoAmI(try folder.loader(kubeconfig: path).load()) == "kubelab-admin")
  }

  @Test func bearerTokenAndTokenFile() async throws {
    let inline = try folder.write(
      "inline", kubeconfig(cluster: "    certificate-authority-data: \(base64CA)", user: "    token: \(token)"))
    #expect(try await whoAmI(try folder.loader(kubeconfig: inline).load()) == "kubelab-admin")
    try folder.write("token", token + "\n")
    let fromFile = try folder.write(
      "from-file", kubeconfig(cluster: "    certificate-authority-data: \(base64CA)", user: "    tokenFile: token"))
    #expect(try await whoAmI(try folder.loader(kubeconfig: fromFile).load()) == "kubelab-admin")
  }

  @Test func execPluginTokenIsCachedUntilExpiryAndRerunAfterA401() async throws {
    // The plugin counts its runs; its first run hands out a wrong token, later runs the right one.
    let script = try folder.write(
      "plugin.sh",
      """
      #!/bin/sh
      runs=$(cat "$(dirname "$0")/runs" 2>/dev/null || echo 0)
      runs=$((runs + 1)); echo $runs > "$(dirname "$0")/runs"
      token=\(token); [ $runs -eq 1 ] && token=stale
      printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"2999-01-01T00:00:00Z"}}' "$token"
      """, executable: true)
    let path = try folder.write(
      "config",
      kubeconfig(
        cluster: "    certificate-authority-data: \(base64CA)",
        user: """
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: \(script)
                interactiveMode: Never
          """))
    let client = try KubeClient(endpoint: try folder.loader(kubeconfig: path).load())
    for _ in 0..<3 { _ = try await client.getJSON(path: "/api/v1/namespaces/kube-system/pods/etcd-controlplane") }
    // Run 1 was refused with 401, run 2 fixed it, and its unexpired token served every later request.
    #expect(try folder.read("runs").trimmingCharacters(in: .whitespacesAndNewlines) == "2")
  }

  @Test func inClusterServiceAccount() async throws {
    let url = try #require(URL(string: sandbox.sandbox.url))
    try folder.write("sa/token", token)
    try folder.write("sa/ca.crt", sandbox.credentials.pki.caCertificatePEM)
    try folder.write("sa/namespace", "kube-system")
    let config = InClusterConfig(
      environment: ["KUBERNETES_SERVICE_HOST": url.host!, "KUBERNETES_SERVICE_PORT": String(url.port!)],
      serviceAccountFolder: folder.path + "/sa")
    let endpoint = try config.load()
    #expect(endpoint.namespace == "kube-system")
    #expect(try await whoAmI(endpoint) == "kubelab-admin")
  }

  @Test func twoMergedFilesWithContextAndNamespaceOverrides() async throws {
    // The first file names the cluster and a broken context; the second adds the working user and context.
    let first = try folder.write(
      "first",
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: sandbox
        cluster:
          server: \(sandbox.sandbox.url)
          certificate-authority-data: \(base64CA)
      contexts:
      - name: broken
        context: {cluster: sandbox, user: nobody}
      current-context: broken
      """)
    let second = try folder.write(
      "second",
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: sandbox
        cluster: {server: "https://127.0.0.1:1"}
      users:
      - name: learner
        user: {token: \(token)}
      contexts:
      - name: working
        context: {cluster: sandbox, user: learner, namespace: kube-system}
      current-context: working
      """)
    let loader = folder.loader(kubeconfig: first + ":" + second)
    let endpoint = try loader.load(context: "working")
    #expect(endpoint.server == sandbox.sandbox.url)  // the first file's cluster wins
    #expect(endpoint.namespace == "kube-system")
    #expect(try await whoAmI(endpoint) == "kubelab-admin")
    #expect(try loader.load(context: "working", namespace: "default").namespace == "default")
    #expect(throws: (any Error).self) { try loader.load() }  // current-context comes from the first file: broken
  }
}
