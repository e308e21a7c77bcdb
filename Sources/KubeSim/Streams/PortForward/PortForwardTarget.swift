import Foundation
import KubeModel

/// The pod a port-forward reaches and what answers on its ports: a container process that
/// listens (reached in its network namespace through the engine), or the web server of an image
/// that serves without running (nginx's default page). Anything else refuses the connection, as
/// a port nothing listens on does.
struct PortForwardTarget {
  struct Refused: Error {
    /// The kubelet's message, sent on the connection's error stream.
    var message: String
  }

  var podUID: String
  /// Containers whose process runs for real, with the ports their specs declare.
  var processes: [(containerID: String, ports: [Int])]
  var sites: [ImageWebServer.Site]
  var engine: (any ContainerEngine)?

  /// Opens one forwarded connection to `port`; `closed` comes once, with the kubelet's message
  /// if the connection was refused.
  func open(
    port: Int, received: @escaping @Sendable ([UInt8]) -> Void, closed: @escaping @Sendable (String?) -> Void
  ) throws -> any ForwardedConnection {
    if let site = sites.first(where: { $0.port == port }) {
      return ImageWebServer(site: site, respond: received, closed: closed)
    }
    // A pod's containers share its network: the one declaring the port first, then the others.
    let candidates = processes.filter { $0.ports.contains(port) } + processes.filter { !$0.ports.contains(port) }
    guard let process = candidates.first, let engine else { throw Refused(message: message(port, refused(port))) }
    do {
      return try engine.connect(
        containerID: process.containerID, port: port, received: received,
        closed: { failure in
          // nc's "Connection refused" is the kubelet's refusal; anything else is said as it is.
          closed(
            failure.map {
              message(port, $0.contains("refused") ? refused(port) : $0.trimmingCharacters(in: .whitespacesAndNewlines))
            })
        })
    } catch {
      throw Refused(message: message(port, "\(error)"))
    }
  }

  /// The ports of the kubelet's own WebSocket protocol (`?ports=80,8080`, or repeated), checked
  /// as the kubelet checks them.
  static func ports(_ query: QueryParameters) throws -> [Int] {
    let values = query.values("ports")
    guard !values.isEmpty else { throw APIError.badRequest("query parameter \"ports\" is required") }
    return try values.flatMap { value in
      try value.split(separator: ",", omittingEmptySubsequences: false).map { word in
        guard let port = UInt16(word), port > 0 else {
          throw APIError.badRequest("unable to parse \"\(value)\" as a port")
        }
        return Int(port)
      }
    }
  }

  /// The kubelet's wording, around containerd's reason.
  private func message(_ port: Int, _ reason: String) -> String {
    let sandbox = PodSandboxID.of(podUID: podUID)
    return "error forwarding port \(port) to pod \(sandbox), uid : failed to execute portforward in network namespace "
      + "\"/var/run/netns/cni-\(podUID)\": \(reason)"
  }

  private func refused(_ port: Int) -> String {
    "failed to connect to localhost:\(port) inside namespace \"\(PodSandboxID.of(podUID: podUID))\", IPv4: dial tcp4 "
      + "127.0.0.1:\(port): connect: connection refused IPv6 dial tcp6 [::1]:\(port): connect: connection refused "
  }
}

extension APIHandler {
  /// The port-forward target `path` names, or the API server's error for an unknown pod.
  func portForwardTarget(path: String) throws -> PortForwardTarget {
    guard case .resource(let target) = APITarget(path: path, catalog: cluster.catalog),
      target.resource.groupResource == "pods", let name = target.name, target.subresource == "portforward"
    else { throw APIError.pathNotFound }
    return PortForwardTarget(
      pod: try cluster.get(target.resource, namespace: target.namespace, name: name), cluster: cluster)
  }
}

extension PortForwardTarget {
  /// What answers on the ports of `pod`: its running containers that run for real, and the
  /// sites of its running images that serve without running.
  init(pod: JSON, cluster: Cluster) {
    let statuses = pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []
    var processes: [(containerID: String, ports: [Int])] = []
    var sites: [ImageWebServer.Site] = []
    for spec in pod[path: ["spec", "containers"]]?.arrayValue ?? [] {
      let status = statuses.first { $0["name"] == spec["name"] }
      guard status?[path: ["state", "running"]] != nil,
        case .success(let image) = ImageCatalog.builtIn.resolve(
          ImageCatalog.Reference(spec["image"]?.stringValue ?? ""))
      else { continue }
      if let site = image.web { sites.append(site) }
      if image.shell, cluster.containerEngine != nil,
        let id = status?["containerID"]?.stringValue?.split(separator: "/").last
      {
        let ports = (spec["ports"]?.arrayValue ?? []).compactMap { $0["containerPort"]?.intValue }
        processes.append((String(id), ports))
      }
    }
    self.init(
      podUID: pod[path: ["metadata", "uid"]]?.stringValue ?? "", processes: processes, sites: sites,
      engine: cluster.containerEngine)
  }
}
