import Foundation

/// The endpoint a pod reaches its own cluster through: the `kubernetes` Service from
/// KUBERNETES_SERVICE_HOST/PORT, authenticated with the pod's service account token (re-read when the
/// kubelet rotates it) and trusting the service account's CA, as client-go's `InClusterConfig`.
public struct InClusterConfig: Sendable {
  public static let defaultServiceAccountFolder = "/var/run/secrets/kubernetes.io/serviceaccount"

  public var environment: [String: String]
  /// Where the `token`, `ca.crt` and `namespace` files are; a prepared folder in tests.
  public var serviceAccountFolder: String

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    serviceAccountFolder: String = InClusterConfig.defaultServiceAccountFolder
  ) {
    self.environment = environment
    self.serviceAccountFolder = serviceAccountFolder
  }

  var tokenPath: String { serviceAccountFolder + "/token" }

  /// Whether this looks like a pod: the service variables are set and the token file exists.
  public var isAvailable: Bool {
    var isFolder: ObjCBool = false
    return !(environment["KUBERNETES_SERVICE_HOST"] ?? "").isEmpty
      && !(environment["KUBERNETES_SERVICE_PORT"] ?? "").isEmpty
      && FileManager.default.fileExists(atPath: tokenPath, isDirectory: &isFolder) && !isFolder.boolValue
  }

  /// The in-cluster endpoint; `namespace` overrides the pod's own (POD_NAMESPACE, then the service
  /// account's namespace file).
  public func load(namespace: String? = nil) throws -> ClusterEndpoint {
    guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
      let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
    else {
      throw KubeconfigError(
        "unable to load in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set")
    }
    let location = KubeconfigLocation(file: tokenPath)
    let tokenSource = TokenFileCredentialSource(
      path: tokenPath, location: location, description: "in-cluster service account (token \(tokenPath))")
    _ = try tokenSource.current()

    var endpoint = ClusterEndpoint(server: "https://" + (host.contains(":") ? "[\(host)]" : host) + ":" + port)
    // Like client-go, a missing or unreadable CA falls back to the system's trust store.
    endpoint.certificateAuthorityPEM = FileManager.default.contents(atPath: serviceAccountFolder + "/ca.crt")
    endpoint.credentials = tokenSource
    endpoint.namespace = namespace ?? podNamespace
    endpoint.origin.authentication = tokenSource.description
    return endpoint
  }

  private var podNamespace: String {
    if let namespace = environment["POD_NAMESPACE"], !namespace.isEmpty { return namespace }
    let file = FileManager.default.contents(atPath: serviceAccountFolder + "/namespace") ?? Data()
    let namespace = String(decoding: file, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return namespace.isEmpty ? "default" : namespace
  }
}
