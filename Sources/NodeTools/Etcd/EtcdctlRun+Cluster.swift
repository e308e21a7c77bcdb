import Foundation
import KubeModel
import KubeSim

/// `member list`, `endpoint health` and `endpoint status`.
extension EtcdctlRun {
  func memberList() async -> Int32 {
    await whenConnected { connected in await printMembers(connected) }
  }

  private func printMembers(_ connected: EtcdMember) async -> Int32 {
    let members = EtcdMember.all(in: node.cluster)
    switch options.writeOut {
    case "table":
      var table = BoxTable(headers: ["ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner"])
      for member in members {
        table.add([member.id, "started", member.name, member.peerURL, member.advertisedClientURL, "false"])
      }
      await output.out(table.text)
    case "json":
      let list: [JSON] = members.map {
        [
          "ID": .int(Self.number($0.id)), "name": .string($0.name), "peerURLs": [.string($0.peerURL)],
          "clientURLs": [.string($0.advertisedClientURL)],
        ]
      }
      let response: JSON = ["header": header(connected, revision: 0), "members": .array(list)]
      await output.out(response.serialized() + "\n")
    default:
      await output.out(
        members.map { "\($0.id), started, \($0.name), \($0.peerURL), \($0.advertisedClientURL), false\n" }.joined())
    }
    return 0
  }

  /// The endpoints a cluster-wide command addresses: the flag's, or with --cluster every member's.
  var clusterEndpoints: [String] {
    arguments.has("--cluster") ? EtcdMember.all(in: node.cluster).map(\.advertisedClientURL) : options.endpoints
  }

  /// A commit time as Go prints a duration: `9.507896ms`, stable per endpoint.
  func took(_ endpoint: String) -> String {
    let micros = 4000 + endpoint.utf8.reduce(0) { ($0 &* 33 &+ Int($1)) % 9000 } * 1000 / 997
    return String(format: "%.6fms", Double(micros) / 1000)
  }

  func endpointHealth() async -> Int32 {
    guard let connection = await connection() else { return 128 }
    var rows: [[String]] = []
    var unhealthy = false
    for endpoint in clusterEndpoints {
      switch connection.dial(endpoint) {
      case .connected:
        rows.append([endpoint, "true", took(endpoint), ""])
        if options.writeOut != "table" {
          await output.out("\(endpoint) is healthy: successfully committed proposal: took = \(took(endpoint))\n")
        }
      case .failed(let failure):
        unhealthy = true
        rows.append([endpoint, "false", "5.001234567s", "context deadline exceeded"])
        await output.err(retryWarning(endpoint, failure))
        if options.writeOut != "table" {
          await output.err("\(endpoint) is unhealthy: failed to commit proposal: context deadline exceeded\n")
        }
      }
    }
    if options.writeOut == "table" {
      var table = BoxTable(headers: ["endpoint", "health", "took", "error"])
      for row in rows { table.add(row) }
      await output.out(table.text)
    }
    if unhealthy {
      await output.err("Error: unhealthy cluster\n")
      return 1
    }
    return 0
  }

  func endpointStatus() async -> Int32 {
    guard let connection = await connection() else { return 128 }
    let leader = EtcdMember.all(in: node.cluster).first
    let entries = node.cluster.etcdEntries()
    let size = HumanUnits.humanizedBytes(node.cluster.etcdSnapshot().database().count)
    var rows: [[String]] = []
    var failed = false
    for endpoint in clusterEndpoints {
      switch connection.dial(endpoint) {
      case .connected(let member):
        let index = String(entries.revision + 1000)
        rows.append([
          endpoint, member.id, etcdVersion, size, member.id == leader?.id ? "true" : "false", "false", "2", index,
          index, "",
        ])
      case .failed(let failure):
        failed = true
        await output.err(retryWarning(endpoint, failure))
        await output.err(
          ZapLine.json(
            "warn", at: node.cluster.now(),
            [
              ("caller", "command/ep_command.go:196"), ("msg", "failed to get the status of endpoint"),
              ("endpoint", .string(endpoint)), ("error", "context deadline exceeded"),
            ]))
      }
    }
    if options.writeOut == "table" {
      var table = BoxTable(headers: [
        "endpoint", "id", "version", "db size", "is leader", "is learner", "raft term", "raft index",
        "raft applied index", "errors",
      ])
      for row in rows { table.add(row) }
      await output.out(table.text)
    } else {
      await output.out(rows.map { $0.joined(separator: ", ") + "\n" }.joined())
    }
    return failed && rows.isEmpty ? 1 : 0
  }
}
