import Foundation
import KubeClient
import Testing

@Suite("In-cluster configuration")
struct InClusterConfigTests {
  static let serviceEnvironment = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]

  @Test func readsServiceVariablesAndServiceAccountFiles() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("sa/token", "sa-token-one")
    try folder.write("sa/ca.crt", TestPEM.authority)
    try folder.write("sa/namespace", "lab-team\n")
    let config = InClusterConfig(environment: Self.serviceEnvironment, serviceAccountFolder: folder.path + "/sa")
    #expect(config.isAvailable)
    let endpoint = try config.load()
    #expect(endpoint.server == "https://10.96.0.1:443")
    #expect(endpoint.certificateAuthorityPEM == Data(TestPEM.authority.utf8))
    #expect(endpoint.namespace == "lab-team")
    #expect(endpoint.origin.authentication == "in-cluster service account (token \(folder.path)/sa/token)")
    #expect(try endpoint.credentials?.current() == [.bearerToken("sa-token-one")])
    #expect(try config.load(namespace: "override").namespace == "override")

    let withPodNamespace = InClusterConfig(
      environment: Self.serviceEnvironment.merging(["POD_NAMESPACE": "from-downward-api"]) { $1 },
      serviceAccountFolder: folder.path + "/sa")
    #expect(try withPodNamespace.load().namespace == "from-downward-api")
  }

  @Test func rotatedTokenIsReadAgainThroughTheKubeletSymlinks() throws {
    // The kubelet publishes projected tokens as token -> ..data/token, ..data -> a timestamped folder,
    // and rotates by pointing ..data at a new folder.
    let folder = try KubeconfigTestFolder()
    let sa = folder.path + "/sa"
    try folder.write("sa/..2024_01/token", "token-before")
    try folder.write("sa/..2025_01/token", "token-after-rotation")
    let files = FileManager.default
    try files.createSymbolicLink(atPath: sa + "/..data", withDestinationPath: "..2024_01")
    try files.createSymbolicLink(atPath: sa + "/token", withDestinationPath: "..data/token")
    let endpoint = try InClusterConfig(environment: Self.serviceEnvironment, serviceAccountFolder: sa).load()
    let credentials = try #require(endpoint.credentials)
    #expect(try credentials.current() == [.bearerToken("token-before")])
    try files.removeItem(atPath: sa + "/..data")
    try files.createSymbolicLink(atPath: sa + "/..data", withDestinationPath: "..2025_01")
    #expect(try credentials.current() == [.bearerToken("token-after-rotation")])
  }

  @Test func ipv6HostsAreBracketedAndMissingFilesDefaultSensibly() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("sa/token", "t")
    let endpoint = try InClusterConfig(
      environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "6443"],
      serviceAccountFolder: folder.path + "/sa"
    ).load()
    #expect(endpoint.server == "https://[fd00::1]:6443")
    #expect(endpoint.namespace == "default")
    #expect(endpoint.certificateAuthorityPEM == nil)
  }

  @Test func missingVariablesOrTokenAreErrors() throws {
    let folder = try KubeconfigTestFolder()
    let noVariables = InClusterConfig(environment: [:], serviceAccountFolder: folder.path)
    #expect(!noVariables.isAvailable)
    let variableError = try #require(throws: KubeconfigError.self) { try noVariables.load() }
    #expect(variableError.description.contains("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set"))

    let noToken = InClusterConfig(environment: Self.serviceEnvironment, serviceAccountFolder: folder.path)
    #expect(!noToken.isAvailable)
    let tokenError = try #require(throws: KubeconfigError.self) { try noToken.load() }
    #expect(tokenError.description == "\(folder.path)/token: cannot read token file \(folder.path)/token")
  }

  @Test func loaderFallsBackToInClusterWithoutKubeconfig() throws {
    let folder = try KubeconfigTestFolder()
    try folder.write("sa/token", "pod-token")
    var loader = folder.loader(kubeconfig: folder.path + "/missing-config", extraEnvironment: Self.serviceEnvironment)
    loader.serviceAccountFolder = folder.path + "/sa"
    let endpoint = try loader.load(namespace: "graded")
    #expect(endpoint.server == "https://10.96.0.1:443")
    #expect(endpoint.namespace == "graded")
    #expect(try endpoint.credentials?.current() == [.bearerToken("pod-token")])

    // A kubeconfig, when there is one, wins over the pod's service account.
    let kubeconfig = try folder.write(
      "config",
      "current-context: m\nclusters: [{name: c, cluster: {server: https://k.example}}]\ncontexts: [{name: m, context: {cluster: c}}]\n"
    )
    loader.environment["KUBECONFIG"] = kubeconfig
    #expect(try loader.load().server == "https://k.example")
  }
}
