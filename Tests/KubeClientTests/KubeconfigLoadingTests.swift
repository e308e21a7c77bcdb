import Foundation
import KubeClient
import Testing

@Suite("Kubeconfig loading and merging")
struct KubeconfigLoadingTests {
  static let first = """
    apiVersion: v1
    kind: Config
    clusters:
    - name: shared
      cluster:
        server: https://first.example:6443
    users:
    - name: first-user
      user:
        token: first-token
    contexts:
    - name: alpha
      context:
        cluster: shared
        user: first-user
        namespace: team-a
    - name: beta
      context:
        cluster: shared
        user: first-user
    """

  static let second = """
    apiVersion: v1
    kind: Config
    current-context: beta
    clusters:
    - name: shared
      cluster:
        server: https://second.example:6443
    - name: only-second
      cluster:
        server: https://only-second.example
    users:
    - name: first-user
      user:
        token: second-token
    contexts:
    - name: beta
      context:
        cluster: only-second
        user: first-user
        namespace: team-b
    - name: gamma
      context:
        cluster: only-second
    """

  @Test func mergesKubeconfigListFirstFileWinsPerName() throws {
    let folder = try KubeconfigTestFolder()
    let first = try folder.write("first.yaml", Self.first)
    let second = try folder.write("second.yaml", Self.second)
    let loader = folder.loader(kubeconfig: "\(first):\(folder.path)/missing.yaml:\(second)")

    // current-context comes from the second file (the first sets none); its context `beta` comes
    // from the first file, whose `shared` cluster wins over the second file's.
    let endpoint = try loader.load()
    #expect(endpoint.origin.context == "beta")
    #expect(endpoint.server == "https://first.example:6443")
    #expect(endpoint.namespace == "default")
    #expect(endpoint.origin.kubeconfigFiles == [first, second])
    #expect(try endpoint.credentials?.current() == [.bearerToken("first-token")])

    let gamma = try loader.load(context: "gamma")
    #expect(gamma.server == "https://only-second.example")
    #expect(gamma.credentials == nil)
    #expect(gamma.origin.authentication == "none")
  }

  @Test func currentContextComesFromTheFirstFileThatSetsIt() throws {
    let folder = try KubeconfigTestFolder()
    let first = try folder.write("first.yaml", "current-context: alpha\n" + Self.first)
    let second = try folder.write("second.yaml", Self.second)
    #expect(try folder.loader(kubeconfig: "\(first):\(second)").load().origin.context == "alpha")
    #expect(try folder.loader(kubeconfig: "\(second):\(first)").load().origin.context == "beta")
    #expect(try folder.loader(kubeconfig: "\(second):\(first)").load().namespace == "team-b")
  }

  @Test func contextAndNamespaceOverrides() throws {
    let folder = try KubeconfigTestFolder()
    let first = try folder.write("first.yaml", "current-context: beta\n" + Self.first)
    let loader = folder.loader(kubeconfig: first)
    #expect(try loader.load().namespace == "default")
    #expect(try loader.load(context: "alpha").namespace == "team-a")
    let overridden = try loader.load(context: "alpha", namespace: "kube-system")
    #expect(overridden.namespace == "kube-system")
    #expect(overridden.origin.context == "alpha")
    #expect(overridden.origin.cluster == "shared")
    #expect(overridden.origin.user == "first-user")
  }

  @Test func missingContextNamesItAndTheFiles() throws {
    let folder = try KubeconfigTestFolder()
    let first = try folder.write("first.yaml", Self.first)
    let second = try folder.write("second.yaml", Self.second)
    let error = try #require(throws: KubeconfigError.self) {
      try folder.loader(kubeconfig: "\(first):\(second)").load(context: "nope")
    }
    #expect(
      error.description
        == "context \"nope\" not found in \(first), \(second) (contexts: alpha, beta, gamma)")

    let dangling = try folder.write("dangling.yaml", "current-context: gone\n" + Self.first)
    let fromFile = try #require(throws: KubeconfigError.self) { try folder.loader(kubeconfig: dangling).load() }
    #expect(
      fromFile.description.hasPrefix("\(dangling):1:1: current-context: context \"gone\" not found in \(dangling)"))
  }

  @Test func explicitPathWinsOverKubeconfigAndMustExist() throws {
    let folder = try KubeconfigTestFolder()
    let first = try folder.write("first.yaml", Self.first)
    let second = try folder.write("second.yaml", Self.second)
    let endpoint = try folder.loader(kubeconfig: first, explicitPath: second).load()
    #expect(endpoint.server == "https://only-second.example")
    #expect(endpoint.origin.kubeconfigFiles == [second])

    let missing = folder.path + "/absent.yaml"
    let error = try #require(throws: KubeconfigError.self) {
      try folder.loader(kubeconfig: first, explicitPath: missing).load()
    }
    #expect(error.description == "\(missing): kubeconfig file given with --kubeconfig not found")
  }

  @Test func homeConfigIsTheDefault() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write(".kube/config", "current-context: gamma\n" + Self.second)
    let endpoint = try folder.loader().load()
    #expect(endpoint.origin.kubeconfigFiles == [folder.path + "/.kube/config"])
    #expect(endpoint.server == "https://only-second.example")
  }

  @Test func noKubeconfigAndNoClusterIsAClearError() throws {
    let folder = try KubeconfigTestFolder()
    let error = try #require(throws: KubeconfigError.self) { try folder.loader().load() }
    #expect(error.description.contains("no kubeconfig found (looked for \(folder.path)/.kube/config"))
    #expect(error.description.contains("not running in a cluster"))
  }

  @Test func relativePathsResolveAgainstTheDefiningFile() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("configs/pki/ca.crt", TestPEM.authority)
    try folder.write("configs/pki/client.crt", TestPEM.certificate)
    try folder.write("configs/pki/client.key", TestPEM.key)
    try folder.write("configs/token", "file-token\n")
    let kubeconfig = try folder.write(
      "configs/kubeconfig",
      """
      current-context: main
      clusters:
      - name: c
        cluster:
          server: https://relative.example
          certificate-authority: pki/ca.crt
      users:
      - name: u
        user:
          client-certificate: pki/client.crt
          client-key: ./pki/../pki/client.key
          tokenFile: token
      contexts:
      - name: main
        context: {cluster: c, user: u}
      """)
    // The working directory is not the kubeconfig's folder: resolution must not depend on it.
    let endpoint = try folder.loader(kubeconfig: kubeconfig).load()
    #expect(endpoint.certificateAuthorityPEM == Data(TestPEM.authority.utf8))
    let credentials = try #require(try endpoint.credentials?.current())
    #expect(
      credentials == [
        .clientCertificate(certificatePEM: Data(TestPEM.certificate.utf8), keyPEM: Data(TestPEM.key.utf8)),
        .bearerToken("file-token"),
      ])
    #expect(endpoint.origin.authentication.contains("client-certificate \(folder.path)/configs/pki/client.crt"))
    #expect(endpoint.origin.authentication.contains("tokenFile \(folder.path)/configs/token"))
  }

  @Test func dataFieldsAndClusterSettings() throws {
    let folder = try KubeconfigTestFolder()
    let kubeconfig = try folder.write(
      "config",
      """
      current-context: main
      clusters:
      - name: c
        cluster:
          server: https://10.0.0.1:6443
          certificate-authority-data: \(TestPEM.base64(TestPEM.authority))
          tls-server-name: kubernetes.default
          proxy-url: http://proxy.example:3128
      users:
      - name: u
        user:
          client-certificate-data: \(TestPEM.base64(TestPEM.certificate))
          client-key-data: \(TestPEM.base64(TestPEM.key))
      contexts:
      - name: main
        context: {cluster: c, user: u, namespace: apps}
      """)
    let endpoint = try folder.loader(kubeconfig: kubeconfig).load()
    #expect(endpoint.server == "https://10.0.0.1:6443")
    #expect(endpoint.certificateAuthorityPEM == Data(TestPEM.authority.utf8))
    #expect(endpoint.tlsServerName == "kubernetes.default")
    #expect(endpoint.proxyURL == "http://proxy.example:3128")
    #expect(endpoint.insecureSkipTLSVerify == false)
    #expect(endpoint.namespace == "apps")
    #expect(
      try endpoint.credentials?.current() == [
        .clientCertificate(certificatePEM: Data(TestPEM.certificate.utf8), keyPEM: Data(TestPEM.key.utf8))
      ])
    #expect(endpoint.origin.authentication == "client certificate (client-certificate-data)")
  }

  @Test func insecureSkipTLSVerify() throws {
    let folder = try KubeconfigTestFolder()
    let kubeconfig = try folder.write(
      "config",
      """
      current-context: main
      clusters:
      - name: c
        cluster: {server: "https://lab.local", insecure-skip-tls-verify: true}
      contexts:
      - name: main
        context: {cluster: c}
      """)
    let endpoint = try folder.loader(kubeconfig: kubeconfig).load()
    #expect(endpoint.insecureSkipTLSVerify)
    #expect(endpoint.certificateAuthorityPEM == nil)
  }
}
