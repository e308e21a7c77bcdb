import Foundation
import KubeModel

/// What an exec or attach request asks for, checked against the cluster: the pod's container and
/// its current run, the command, and which of stdin, stdout, stderr and a terminal it wants.
struct StreamTarget {
  enum Kind: String {
    case exec, attach
  }

  var kind: Kind
  var launch: ContainerLaunch
  var command: [String]
  var stdin: Bool
  var stdout: Bool
  var stderr: Bool
  var tty: Bool
  /// Why the stream cannot reach the container (it is not running); sent as the stream's status.
  var unavailable: String?
}

extension APIHandler {
  /// The exec or attach target `path` and `query` name, or the error the API server answers: an
  /// unknown pod or container, no command, or no container engine to run anything.
  func streamTarget(path: String, query: QueryParameters) throws -> StreamTarget {
    guard case .resource(let target) = APITarget(path: path, catalog: cluster.catalog),
      target.resource.groupResource == "pods", let name = target.name,
      let kind = target.subresource.flatMap(StreamTarget.Kind.init(rawValue:))
    else { throw APIError.pathNotFound }
    let pod = try cluster.get(target.resource, namespace: target.namespace, name: name)
    let specs =
      (pod[path: ["spec", "containers"]]?.arrayValue ?? []) + (pod[path: ["spec", "initContainers"]]?.arrayValue ?? [])
    let containerName = query["container"] ?? specs.first?["name"]?.stringValue ?? ""
    guard let spec = specs.first(where: { $0["name"]?.stringValue == containerName }) else {
      throw APIError.badRequest("container \(containerName) is not valid for pod \(name)")
    }
    let command = query.values("command")
    if kind == .exec, command.isEmpty {
      throw APIError.badRequest("you must specify at least 1 command")
    }
    guard cluster.containerEngine != nil else {
      throw APIError.badRequest("this sandbox runs no container processes (bubblewrap or busybox is missing)")
    }
    let statuses =
      (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [])
      + (pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? [])
    let status = statuses.first { $0["name"]?.stringValue == containerName }
    let containerID = (status?["containerID"]?.stringValue ?? "").split(separator: "/").last.map(String.init) ?? ""
    let running = status?[path: ["state", "running"]] != nil
    return StreamTarget(
      kind: kind,
      launch: ContainerLaunch(
        pod: pod, spec: spec, containerID: containerID, catalog: ImageCatalog.builtIn, store: cluster.store),
      command: command, stdin: query.flag("stdin"), stdout: query.flag("stdout"), stderr: query.flag("stderr"),
      tty: query.flag("tty"),
      unavailable: running ? nil : "unable to upgrade connection: container not found (\"\(containerName)\")")
  }

  /// A stream request without a WebSocket upgrade: kubectl 1.29 and older, which speak SPDY only
  /// (1.30 and older for port-forward).
  /// The target is checked first, so an unknown pod still answers NotFound.
  func streamWithoutWebSocket(path: String, query: QueryParameters) throws -> APIResponse {
    if path.hasSuffix("/portforward") {
      _ = try portForwardTarget(path: path)
      throw APIError.badRequest(
        "the kubelab sandbox forwards ports over WebSocket only: use kubectl 1.31 or newer "
          + "(1.30 with KUBECTL_PORT_FORWARD_WEBSOCKETS=true)")
    }
    _ = try streamTarget(path: path, query: query)
    throw APIError.badRequest(
      "the kubelab sandbox streams exec, attach and cp over WebSocket only: use kubectl 1.30 or newer")
  }
}
