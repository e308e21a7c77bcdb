import Foundation

/// Resolves the cluster to talk to as kubectl does: kubeconfig files (`--kubeconfig`, else the
/// `KUBECONFIG` list merged by client-go's rules, else `~/.kube/config`), the current context or
/// `--context`, and `--namespace`; inside a pod with no kubeconfig, the in-cluster service account.
public struct KubeconfigLoader: Sendable {
  public var explicitPath: String?
  public var environment: [String: String]
  public var homeDirectory: String
  /// Where the in-cluster fallback finds the service account files.
  public var serviceAccountFolder = InClusterConfig.defaultServiceAccountFolder
  public var execSettings = ExecPluginSettings()

  public init(
    explicitPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
    homeDirectory: String = NSHomeDirectory()
  ) {
    self.explicitPath = explicitPath
    self.environment = environment
    self.homeDirectory = homeDirectory
  }

  /// The endpoint of `context` (default: the current context) with `namespace` overriding the
  /// context's. Errors name the file, line, column and field at fault.
  public func load(context: String? = nil, namespace: String? = nil) throws -> ClusterEndpoint {
    let locations = KubeconfigLocations(
      explicitPath: explicitPath, environment: environment, homeDirectory: homeDirectory)
    var files: [KubeconfigFile] = []
    for path in locations.paths {
      if let file = try KubeconfigFile.read(path: path) {
        files.append(file)
      } else if locations.source == .explicit {
        throw KubeconfigError("kubeconfig file given with --kubeconfig not found", file: path)
      }
    }
    let config = try MergedKubeconfig(files: files)
    guard let contextName = context ?? config.currentContext?.name else {
      return try loadWithoutContext(config, locations: locations, namespace: namespace)
    }
    guard let contextSection = config.contexts[contextName] else {
      let known = config.contexts.keys.sorted().joined(separator: ", ")
      let message =
        "context \"\(contextName)\" not found in \(files.isEmpty ? "any kubeconfig" : config.fileList)"
        + (known.isEmpty ? "" : " (contexts: \(known))")
      if context == nil, let file = config.currentContext?.file {
        throw file.topLevel.error(message, at: "current-context")
      }
      throw KubeconfigError(message)
    }
    return try endpoint(config, contextName: contextName, context: contextSection, namespace: namespace)
  }

  /// No context chosen: an empty configuration inside a pod means in-cluster, as for kubectl.
  private func loadWithoutContext(
    _ config: MergedKubeconfig, locations: KubeconfigLocations, namespace: String?
  ) throws -> ClusterEndpoint {
    let inCluster = InClusterConfig(environment: environment, serviceAccountFolder: serviceAccountFolder)
    if config.contexts.isEmpty && config.clusters.isEmpty && inCluster.isAvailable {
      return try inCluster.load(namespace: namespace)
    }
    if config.files.isEmpty {
      throw KubeconfigError(
        """
        no kubeconfig found (looked for \(locations.paths.joined(separator: ", ")) from \(locations.origin)) \
        and not running in a cluster (KUBERNETES_SERVICE_HOST is not set)
        """)
    }
    let known = config.contexts.keys.sorted().joined(separator: ", ")
    throw KubeconfigError(
      "no current-context is set in \(config.fileList); choose one with --context"
        + (known.isEmpty ? " (the files define no contexts)" : " (contexts: \(known))"))
  }

  private func endpoint(
    _ config: MergedKubeconfig, contextName: String, context: KubeconfigSection, namespace: String?
  ) throws -> ClusterEndpoint {
    guard let clusterName = try context.string("cluster") else {
      throw context.error("context \"\(contextName)\" names no cluster")
    }
    guard let clusterSection = config.clusters[clusterName] else {
      throw context.error("cluster \"\(clusterName)\" not found in \(config.fileList)", at: "cluster")
    }
    let cluster = try KubeconfigCluster(clusterSection, name: clusterName)
    var endpoint = ClusterEndpoint(server: cluster.server)
    endpoint.certificateAuthorityPEM = cluster.certificateAuthorityPEM
    endpoint.insecureSkipTLSVerify = cluster.insecureSkipTLSVerify
    endpoint.tlsServerName = cluster.tlsServerName
    endpoint.proxyURL = cluster.proxyURL
    endpoint.namespace = try namespace ?? context.string("namespace") ?? "default"
    endpoint.origin.kubeconfigFiles = config.files.map(\.path)
    endpoint.origin.context = contextName
    endpoint.origin.cluster = clusterName

    // A context without a user connects anonymously, as with kubectl.
    guard let userName = try context.string("user") else { return endpoint }
    guard let userSection = config.users[userName] else {
      throw context.error("user \"\(userName)\" not found in \(config.fileList)", at: "user")
    }
    let user = try KubeconfigUserCredentials(
      userSection, cluster: cluster, environment: environment, execSettings: execSettings)
    endpoint.credentials = user.source
    endpoint.origin.user = userName
    endpoint.origin.authentication = user.description
    return endpoint
  }
}
