import Foundation
import KubeModel
import KubeSim

/// `snapshot status` and `snapshot restore`, which etcdutl owns and etcd 3.5's etcdctl still
/// answers (after a deprecation notice): they read and write files of the node, without etcd.
struct EtcdSnapshotFiles {
  static let restoreFlags: [ToolArguments.Option] = [
    .value("--data-dir"), .value("--wal-dir"), .value("--name"), .value("--initial-cluster"),
    .value("--initial-cluster-token"), .value("--initial-advertise-peer-urls"), .flag("--skip-hash-check"),
    .value("--bump-revision"), .flag("--mark-compacted"),
  ]

  let node: NodeContext
  let output: NodeToolOutput
  let invocation: NodeToolInvocation
  let arguments: ToolArguments

  /// Reads a snapshot file; prints etcd's error and returns nil when it cannot.
  func load(_ path: String, missing: (String) -> String) async -> (snapshot: EtcdSnapshot, size: Int)? {
    guard let data = try? Data(contentsOf: node.resolvedPath(path, from: invocation.directory)) else {
      await output.err("Error: \(missing(path))\n")
      return nil
    }
    do {
      return (try EtcdSnapshot(contentsOf: data), data.count)
    } catch {
      await output.err("Error: \(error)\n")
      return nil
    }
  }

  func status(_ operands: [String], writeOut: String) async -> Int32 {
    guard operands.count == 1, let path = operands.first else {
      await output.err("Error: snapshot status requires exactly one argument\n")
      return 128
    }
    guard let (snapshot, size) = await load(path, missing: { "stat \($0): no such file or directory" }) else {
      return 1
    }
    let hash = String(snapshot.hash, radix: 16)
    switch writeOut {
    case "table":
      var table = BoxTable(headers: ["hash", "revision", "total keys", "total size"])
      table.add([hash, String(snapshot.revision), String(snapshot.totalKeys), HumanUnits.humanizedBytes(size)])
      await output.out(table.text)
    case "json":
      let status: JSON = [
        "hash": .int(Int(snapshot.hash)), "revision": .int(snapshot.revision), "totalKey": .int(snapshot.totalKeys),
        "totalSize": .int(size),
      ]
      await output.out(status.serialized() + "\n")
    default:
      await output.out("\(hash), \(snapshot.revision), \(snapshot.totalKeys), \(HumanUnits.humanizedBytes(size))\n")
    }
    return 0
  }

  func restore(_ operands: [String]) async -> Int32 {
    guard operands.count == 1, let path = operands.first else {
      await output.err("Error: snapshot restore requires exactly one argument\n")
      return 128
    }
    let name = arguments.value("--name") ?? "default"
    let dataDir = arguments.value("--data-dir") ?? "\(name).etcd"
    let directory = EtcdDataDirectory(node.resolvedPath(dataDir, from: invocation.directory))
    guard directory.isEmptyOrAbsent else {
      await output.err("Error: data-dir \"\(dataDir)\" not empty or could not be read\n")
      return 1
    }
    guard let (snapshot, _) = await load(path, missing: { "open \($0): no such file or directory" }) else { return 1 }
    let peerURL = arguments.value("--initial-advertise-peer-urls") ?? "http://localhost:2380"
    let paths: [(String, JSON)] = [
      ("path", .string(path)), ("wal-dir", .string(arguments.value("--wal-dir") ?? dataDir + "/member/wal")),
      ("data-dir", .string(dataDir)), ("snap-dir", .string(dataDir + "/member/snap")),
      ("initial-memory-map-size", 0),
    ]
    let now = node.cluster.now()
    do {
      try directory.write(snapshot)
    } catch {
      await output.err("Error: mkdir \(dataDir): permission denied\n")
      return 1
    }
    await output.err(
      ZapLine.console("info", at: now, caller: "snapshot/v3_snapshot.go:265", "restoring snapshot", paths)
        + ZapLine.console(
          "info", at: now, caller: "membership/store.go:141", "Trimming membership information from the backend...", [])
        + ZapLine.console(
          "info", at: now, caller: "membership/cluster.go:421", "added member",
          [
            ("cluster-id", "cdf818194e3a8c32"), ("local-member-id", "0"), ("added-peer-id", "8e9e05c52164694d"),
            ("added-peer-peer-urls", [.string(peerURL)]), ("added-peer-is-learner", false),
          ])
        + ZapLine.console("info", at: now, caller: "snapshot/v3_snapshot.go:293", "restored snapshot", paths))
    return 0
  }
}
