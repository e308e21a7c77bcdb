import Foundation
import KubeClient

/// The cluster a lab runs on: a client for its API, and the environment that makes shell commands
/// (setup `run` steps, `script` checks, replayed solutions, a learner's kubectl) reach the same
/// cluster as the same user.
public final class LabCluster: Sendable {
  public let client: KubeClient
  /// Names this cluster in session files: the kubeconfig context, or the server for in-cluster use.
  public let name: String
  /// Merged over the process environment for every child process: `KUBECONFIG`, when the
  /// cluster came from a kubeconfig, and a `PATH` that finds `kubelab` (so that setup steps and
  /// solutions reach a sandbox's nodes with `kubelab ssh NODE`, as a learner would).
  public let shellEnvironment: [String: String]
  private let contextFile: TemporaryContextFile?

  public init(client: KubeClient, name: String, shellEnvironment: [String: String]) {
    self.client = client
    self.name = name
    self.shellEnvironment = shellEnvironment
    contextFile = nil
  }

  /// The cluster of a kubeconfig, as kubectl would choose it (see `KubeconfigLoader`). Shell
  /// commands find `nodeLogin`'s kubelab first on their PATH.
  public init(
    kubeconfig: String?, context: String?, options: ClientOptions = .init(),
    nodeLogin: NodeLoginCommand = .current
  ) throws {
    let endpoint = try KubeconfigLoader(explicitPath: kubeconfig).load(context: context)
    client = try KubeClient(endpoint: endpoint, options: options)
    name = endpoint.origin.context ?? endpoint.server
    var files = endpoint.origin.kubeconfigFiles
    // kubectl has no environment variable for the context: a first file that sets only
    // `current-context` makes child processes use the chosen one.
    if let context, !files.isEmpty {
      let file = try TemporaryContextFile(context: context)
      files.insert(file.path, at: 0)
      contextFile = file
    } else {
      contextFile = nil
    }
    var environment = nodeLogin.searchPath
    if !files.isEmpty { environment["KUBECONFIG"] = files.joined(separator: ":") }
    shellEnvironment = environment
  }

  /// Where a resource type of the lab format lives in the API. The catalogue already knows each
  /// type's group, version and scope, so no discovery request is needed.
  public func ref(_ type: ResourceType) -> ResourceRef {
    ResourceRef(
      group: type.group, version: type.version, resource: type.plural, kind: type.kind, namespaced: type.namespaced,
      singularName: type.singular, shortNames: type.shortNames)
  }
}

/// A kubeconfig holding only `current-context`, removed when the cluster is released.
private final class TemporaryContextFile: Sendable {
  let path: String

  init(context: String) throws {
    path = NSTemporaryDirectory() + "kubelab-context-\(UUID().uuidString).yaml"
    let quoted = "'" + context.replacingOccurrences(of: "'", with: "''") + "'"
    try Data("apiVersion: v1\nkind: Config\ncurrent-context: \(quoted)\n".utf8).write(
      to: URL(fileURLWithPath: path), options: .atomic)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
