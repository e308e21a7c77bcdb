import Foundation
import KubeModel
import KubeSim

/// One etcdctl invocation: connecting as its flags say, and what each command prints.
struct EtcdctlRun {
  let node: NodeContext
  let output: NodeToolOutput
  let invocation: NodeToolInvocation
  let arguments: ToolArguments
  let options: EtcdClientOptions

  /// The release of the etcd the node runs, from its image (`3.5.21-0` → `3.5.21`).
  var etcdVersion: String {
    let image = node.cluster.catalog.resource(groupVersion: "v1", plural: "pods").flatMap {
      try? node.cluster.get($0, namespace: "kube-system", name: "etcd-\(node.name)")
    }?[path: ["spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue
    let tag = image?.split(separator: ":").last.map(String.init) ?? "3.5.21-0"
    return tag.split(separator: "-").first.map(String.init) ?? tag
  }

  /// Loads the TLS files; prints etcdctl's bad-argument error when it cannot.
  func connection() async -> EtcdConnection? {
    do {
      return try EtcdConnection(node: node, options: options, directory: invocation.directory)
    } catch let error as EtcdConnection.ConfigurationError {
      await output.err("Error: \(error.message)\n")
      return nil
    } catch {
      return nil
    }
  }

  /// The retry warning grpc's interceptor logs before a call gives up.
  func retryWarning(_ endpoint: String, _ failure: String) -> String {
    ZapLine.json(
      "warn", at: node.cluster.now(),
      [
        ("logger", "etcd-client"), ("caller", "v3/retry_interceptor.go:62"),
        ("msg", "retrying of unary invoker failed"),
        ("target", .string("etcd-endpoints://0xc0000d8000/\(EtcdConnection.authority(endpoint))")), ("attempt", 0),
        (
          "error",
          .string(
            "rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: "
              + "connection error: desc = \"\(failure)\"")
        ),
      ])
  }

  /// Connects through the first endpoint that answers, as the client's balancer does; prints the
  /// failure and returns the exit status when none does.
  func connect() async -> Result<EtcdMember, ExitStatus> {
    guard let connection = await connection() else { return .failure(ExitStatus(code: 128)) }
    var firstFailure: (String, String)?
    for endpoint in options.endpoints {
      switch connection.dial(endpoint) {
      case .connected(let member): return .success(member)
      case .failed(let failure): firstFailure = firstFailure ?? (endpoint, failure)
      }
    }
    if let (endpoint, failure) = firstFailure { await output.err(retryWarning(endpoint, failure)) }
    await output.err("Error: context deadline exceeded\n")
    return .failure(ExitStatus(code: 1))
  }

  struct ExitStatus: Error {
    var code: Int32
  }

  /// Runs `body` on the member the client reached, or returns the status of the failure printed.
  func whenConnected(_ body: (EtcdMember) async -> Int32) async -> Int32 {
    switch await connect() {
    case .success(let member): return await body(member)
    case .failure(let status): return status.code
    }
  }

  /// The response header etcd puts on every answer.
  func header(_ member: EtcdMember, revision: Int) -> JSON {
    [
      "cluster_id": .int(Self.number(clusterID)), "member_id": .int(Self.number(member.id)),
      "revision": .int(revision), "raft_term": 2,
    ]
  }

  var clusterID: String { "cdf818194e3a8c32" }

  /// A hex ID as the JSON number etcd prints (kept within the range JSON here holds).
  static func number(_ hex: String) -> Int { Int((UInt64(hex, radix: 16) ?? 0) & 0x7FFF_FFFF_FFFF_FFFF) }
}
