import Foundation
import KubeModel
import KubeSim

/// `etcdctl` (etcd 3.5, v3 API) against the cluster's stacked etcd: the connection flags checked
/// against the node's etcd certificates, the members, the keys of the cluster's objects, and
/// snapshots.
public struct Etcdctl: NodeTool {
  public let names = ["etcdctl"]

  public init() {}

  static let options =
    EtcdClientOptions.flags + EtcdSnapshotFiles.restoreFlags + [
      .flag("--prefix"), .flag("--keys-only"), .flag("--print-value-only"), .value("--limit"), .flag("--from-key"),
      .flag("--count-only"), .flag("--cluster"), .flag("--prev-kv"), .flag("--version"),
    ]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output, reject: { "Error: unknown flag: \($0)\n" })
    else { return 1 }
    // etcd 3.6 no longer reads ETCDCTL_API (v2 is gone) and says so for any value but 3.
    if let api = invocation.environment["ETCDCTL_API"], api != "3", !api.isEmpty {
      await output.err(
        ZapLine.json(
          "warn", at: node.cluster.now(),
          [
            ("caller", "flags/flag.go:94"), ("msg", "unrecognized environment variable"),
            ("environment-variable", .string("ETCDCTL_API=\(api)")),
          ]))
    }
    let run = EtcdctlRun(
      node: node, output: output, invocation: invocation, arguments: arguments,
      options: EtcdClientOptions(arguments, environment: invocation.environment))
    let words = arguments.operands
    switch (words.first, words.dropFirst().first) {
    case ("version", _),
      (nil, _) where arguments.has("--version"):
      await output.out("etcdctl version: \(run.etcdVersion)\nAPI version: 3.5\n")
      return 0
    case ("member", "list"): return await run.memberList()
    case ("endpoint", "health"): return await run.endpointHealth()
    case ("endpoint", "status"): return await run.endpointStatus()
    case ("get", _): return await run.get(Array(words.dropFirst()))
    case ("put", _): return await run.put(Array(words.dropFirst()))
    case ("del", _): return await run.delete(Array(words.dropFirst()))
    case ("snapshot", "save"): return await run.snapshotSave(Array(words.dropFirst(2)))
    case ("snapshot", "status"), ("snapshot", "restore"):
      await output.err("Deprecated: Use `etcdutl snapshot \(words[1])` instead.\n\n")
      let files = EtcdSnapshotFiles(node: node, output: output, invocation: invocation, arguments: arguments)
      return words[1] == "status"
        ? await files.status(Array(words.dropFirst(2)), writeOut: run.options.writeOut)
        : await files.restore(Array(words.dropFirst(2)))
    case (nil, _):
      await output.out(Self.usage)
      return 0
    case (let command?, _):
      await output.err("Error: unknown command \"\(command)\" for \"etcdctl\"\nRun 'etcdctl --help' for usage.\n")
      return 1
    }
  }

  static let usage = """
    NAME:
    \tetcdctl - A simple command line client for etcd3.

    USAGE:
    \tetcdctl [flags]

    API VERSION:
    \t3.5

    COMMANDS:
    \tdel\t\t\tRemoves the specified key or range of keys [key, range_end)
    \tendpoint health\t\tChecks the healthiness of endpoints specified in `--endpoints` flag
    \tendpoint status\t\tPrints out the status of endpoints specified in `--endpoints` flag
    \tget\t\t\tGets the key or a range of keys
    \tmember list\t\tLists all members in the cluster
    \tput\t\t\tPuts the given key into the store
    \tsnapshot save\t\tStores an etcd node backend snapshot to a given file
    \tversion\t\t\tPrints the version of etcdctl

    """
}
