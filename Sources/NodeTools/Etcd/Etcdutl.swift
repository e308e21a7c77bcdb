/// `etcdutl` (etcd 3.5), etcd's offline tool: the status of a snapshot file and restoring one into
/// a new data directory.
public struct Etcdutl: NodeTool {
  public let names = ["etcdutl"]

  public init() {}

  static let options = EtcdSnapshotFiles.restoreFlags + [.value("--write-out", "-w"), .flag("--version")]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output, reject: { "Error: unknown flag: \($0)\n" })
    else { return 1 }
    let files = EtcdSnapshotFiles(node: node, output: output, invocation: invocation, arguments: arguments)
    let words = arguments.operands
    switch (words.first, words.dropFirst().first) {
    case ("snapshot", "status"):
      return await files.status(Array(words.dropFirst(2)), writeOut: arguments.value("--write-out") ?? "simple")
    case ("snapshot", "restore"): return await files.restore(Array(words.dropFirst(2)))
    case ("version", _):
      await output.out("etcdutl version: 3.5.21\nAPI version: 3.5\n")
      return 0
    case (nil, _):
      await output.out(
        "NAME:\n\tetcdutl - An administrative command line tool for etcd3.\n\nUSAGE:\n\tetcdutl [flags]\n\n"
          + "COMMANDS:\n\tsnapshot restore\tRestores an etcd member snapshot to an etcd directory\n"
          + "\tsnapshot status\t\tGets backend snapshot status of a given file\n\tversion\t\t\tPrints the version of etcdutl\n"
      )
      return 0
    case (let command?, _):
      await output.err("Error: unknown command \"\(command)\" for \"etcdutl\"\nRun 'etcdutl --help' for usage.\n")
      return 1
    }
  }
}
