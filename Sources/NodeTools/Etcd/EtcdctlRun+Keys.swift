import Foundation
import KubeModel
import KubeSim

/// `get`, `put` and `del`: the keys of the cluster's objects under /registry and the keys clients
/// put, in etcd's byte order.
extension EtcdctlRun {
  /// The keys a command's key, optional range end, --prefix and --from-key select.
  func selected(_ entries: [EtcdEntry], key: String, rangeEnd: String?) -> [EtcdEntry] {
    let start = Array(key.utf8)
    func atOrAfterStart(_ entry: EtcdEntry) -> Bool { !Array(entry.key.utf8).lexicographicallyPrecedes(start) }
    if arguments.has("--prefix") {
      return key.isEmpty ? entries : entries.filter { $0.key.utf8.starts(with: start) }
    }
    if arguments.has("--from-key") { return entries.filter(atOrAfterStart) }
    if let rangeEnd {
      let end = Array(rangeEnd.utf8)
      return entries.filter { atOrAfterStart($0) && Array($0.key.utf8).lexicographicallyPrecedes(end) }
    }
    return entries.filter { $0.key == key }
  }

  func get(_ operands: [String]) async -> Int32 {
    guard let key = operands.first, operands.count <= 2 else {
      await output.err("Error: get command needs one argument as key and an optional argument as range_end\n")
      return 128
    }
    return await whenConnected { member in
      let (entries, revision) = node.cluster.etcdEntries()
      let matching = selected(entries, key: key, rangeEnd: operands.dropFirst().first)
      let count = matching.count
      var shown = arguments.has("--count-only") ? [] : matching
      if let limit = Int(arguments.value("--limit") ?? ""), limit > 0 { shown = Array(shown.prefix(limit)) }
      let keysOnly = arguments.has("--keys-only")
      if options.writeOut == "json" {
        let kvs: [JSON] = shown.map { entry in
          var kv: JSONObject = [
            "key": .string(Data(entry.key.utf8).base64EncodedString()), "create_revision": .int(entry.createRevision),
            "mod_revision": .int(entry.modRevision), "version": .int(entry.version),
          ]
          if !keysOnly { kv["value"] = .string(Data(entry.value.utf8).base64EncodedString()) }
          return .object(kv)
        }
        var response: JSONObject = ["header": header(member, revision: revision)]
        if !kvs.isEmpty { response["kvs"] = .array(kvs) }
        if count > 0 { response["count"] = .int(count) }
        if shown.count < count, !arguments.has("--count-only") { response["more"] = true }
        await output.out(JSON.object(response).serialized() + "\n")
        return 0
      }
      let valueOnly = arguments.has("--print-value-only")
      await output.out(
        shown.map { entry in (valueOnly ? "" : entry.key + "\n") + (keysOnly ? "" : entry.value) + "\n" }.joined())
      return 0
    }
  }

  func put(_ operands: [String]) async -> Int32 {
    let value = operands.count >= 2 ? operands[1] : invocation.input.map { String(decoding: $0, as: UTF8.self) }
    guard let key = operands.first, let value, operands.count <= 2 else {
      await output.err("Error: put command needs 1 argument and input from stdin or 2 arguments\n")
      return 128
    }
    return await whenConnected { _ in
      let previous = node.cluster.etcdEntries().entries.first { $0.key == key }
      node.cluster.etcdPut(key, value: value)
      var text = "OK\n"
      if arguments.has("--prev-kv"), let previous { text += "\(previous.key)\n\(previous.value)\n" }
      await output.out(text)
      return 0
    }
  }

  func delete(_ operands: [String]) async -> Int32 {
    guard let key = operands.first, operands.count <= 2 else {
      await output.err("Error: del command needs one argument as key and an optional argument as range_end\n")
      return 128
    }
    return await whenConnected { _ in
      let matching = selected(node.cluster.etcdEntries().entries, key: key, rangeEnd: operands.dropFirst().first)
      let deleted = node.cluster.etcdDelete(matching.map(\.key))
      var text = "\(deleted)\n"
      if arguments.has("--prev-kv") { text += matching.map { "\($0.key)\n\($0.value)\n" }.joined() }
      await output.out(text)
      return 0
    }
  }
}
