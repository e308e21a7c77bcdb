import Foundation
import KubeClient
import KubeModel
import KubeSim
import Synchronization

/// A test-only credential source: fixed credentials, optionally replaced by fresh ones once the
/// transport invalidates them, counting the invalidations.
final class FixedCredentials: CredentialSource, Sendable {
  private let state: Mutex<(credentials: [Credential], invalidated: Int)>
  private let afterInvalidate: [Credential]?

  init(_ credentials: [Credential], afterInvalidate: [Credential]? = nil) {
    state = Mutex((credentials, 0))
    self.afterInvalidate = afterInvalidate
  }

  var invalidations: Int { state.withLock { $0.invalidated } }

  func current() throws -> [Credential] { state.withLock { $0.credentials } }

  func invalidate() {
    state.withLock {
      $0.invalidated += 1
      if let afterInvalidate { $0.credentials = afterInvalidate }
    }
  }
}

/// A TLS sandbox started for one test, with endpoints built by hand as a kubeconfig would.
final class ClientTestSandbox {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox(options: .init(tls: true))
    try sandbox.start()
  }

  deinit { stop() }

  /// Shuts the server down; the server ignores later calls (the deinit's), and stopping the
  /// controllers twice is harmless.
  func stop() {
    sandbox.shutdown()
  }

  var credentials: SandboxCredentials { sandbox.credentials! }
  var caPEM: Data { Data(credentials.pki.caCertificatePEM.utf8) }
  var adminCertificate: Credential {
    .clientCertificate(
      certificatePEM: Data(credentials.pki.admin.certificatePEM.utf8),
      keyPEM: Data(credentials.pki.admin.privateKeyPEM.utf8))
  }
  var adminToken: Credential { .bearerToken(credentials.adminToken.secret) }
  var connections: Int { sandbox.server.connections.count }
  var faults: FaultInjector { sandbox.server.faults }

  /// The sandbox's URL, trusting its CA, authenticating with `credentials`.
  func endpoint(_ credentials: [Credential]? = nil) -> ClusterEndpoint {
    var endpoint = ClusterEndpoint(server: sandbox.url)
    endpoint.certificateAuthorityPEM = caPEM
    endpoint.credentials = FixedCredentials(credentials ?? [adminToken])
    return endpoint
  }

  func client(_ credentials: [Credential]? = nil, options: ClientOptions = .init()) throws -> KubeClient {
    try KubeClient(endpoint: endpoint(credentials), options: options)
  }
}

/// Resource types as discovery reports them, for tests that skip the REST mapper.
extension ResourceRef {
  static let testPods = ResourceRef(version: "v1", resource: "pods", kind: "Pod", namespaced: true)
  static let testSelfSubjectReviews = ResourceRef(
    group: "authentication.k8s.io", version: "v1", resource: "selfsubjectreviews", kind: "SelfSubjectReview",
    namespaced: false)
  static let testConfigMaps = ResourceRef(version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)
}

func podManifest(_ name: String, labels: JSON = [:], image: String = "nginx") -> JSON {
  [
    "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "labels": labels],
    "spec": ["containers": [["name": "main", "image": .string(image)]]],
  ]
}

func configMap(_ name: String, data: JSON) -> JSON {
  ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": data]
}

/// The error `body` throws, as a `KubeClientError`; nil when it succeeds or throws another type.
func clientError(_ body: () async throws -> Void) async -> KubeClientError? {
  do {
    try await body()
    return nil
  } catch {
    return error as? KubeClientError
  }
}

/// Seconds since `start`, for tests that check waits and timeouts.
func secondsSince(_ start: Date) -> Double { Date().timeIntervalSince(start) }
