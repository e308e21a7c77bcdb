import Foundation
import KubeModel
import KubeSim

/// `snapshot save`: the cluster's etcd, copied to a file of the node.
extension EtcdctlRun {
  func snapshotSave(_ operands: [String]) async -> Int32 {
    guard operands.count == 1, let path = operands.first else {
      await output.err("Error: snapshot save expects one argument\n")
      return 128
    }
    guard let connection = await connection() else { return 128 }
    guard options.endpoints.count == 1, let endpoint = options.endpoints.first else {
      await output.err(
        "Error: snapshot must be requested to one selected node, not multiple [\(options.endpoints.joined(separator: " "))]\n"
      )
      return 5
    }
    let now = node.cluster.now()
    let partial = path + ".part"
    let file = node.resolvedPath(path, from: invocation.directory)
    let partialFile = node.resolvedPath(partial, from: invocation.directory)
    guard
      FileManager.default.createFile(atPath: partialFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
    else {
      await output.err("Error: could not open \(partial) (open \(partial): no such file or directory)\n")
      return 5
    }
    func log(_ caller: String, _ message: String, _ fields: [(String, JSON)], client: Bool = false) -> String {
      ZapLine.json(
        "info", at: now,
        (client ? [("logger", "client")] : []) + [("caller", .string(caller)), ("msg", .string(message))] + fields)
    }
    await output.err(log("snapshot/v3_snapshot.go:65", "created temporary db file", [("path", .string(partial))]))
    if case .failed(let failure) = connection.dial(endpoint) {
      try? FileManager.default.removeItem(at: partialFile)
      await output.err(retryWarning(endpoint, failure))
      await output.err("Error: context deadline exceeded\n")
      return 5
    }
    let snapshot = node.cluster.etcdSnapshot().file()
    do {
      try snapshot.write(to: partialFile)
      if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
      try FileManager.default.moveItem(at: partialFile, to: file)
    } catch {
      await output.err("Error: could not rename \(partial) to \(path)\n")
      return 5
    }
    let size = HumanUnits.humanizedBytes(snapshot.count)
    await output.err(
      log("v3/maintenance.go:212", "opened snapshot stream; downloading", [], client: true)
        + log("snapshot/v3_snapshot.go:73", "fetching snapshot", [("endpoint", .string(endpoint))])
        + log("v3/maintenance.go:220", "completed snapshot read; closing", [], client: true)
        + log(
          "snapshot/v3_snapshot.go:88", "fetched snapshot",
          [("endpoint", .string(endpoint)), ("size", .string(size)), ("took", "now")])
        + log("snapshot/v3_snapshot.go:97", "saved", [("path", .string(path))]))
    await output.out("Snapshot saved at \(path)\n")
    return 0
  }
}
