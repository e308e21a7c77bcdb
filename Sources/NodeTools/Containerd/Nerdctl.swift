import Foundation
import KubeSim

/// `nerdctl`, containerd's Docker-compatible client (v2): `ps` and `images` of a namespace. The
/// Kubernetes containers are in `k8s.io`, named `k8s://<namespace>/<pod>/<container>`.
public struct Nerdctl: NodeTool {
  public let names = ["nerdctl"]

  public init() {}

  static let options: [ToolArguments.Option] = [
    .value("--namespace", "-n"), .value("--address"), .flag("--all", "-a"), .flag("--quiet", "-q"),
    .flag("--no-trunc"),
  ]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output, reject: { LogrusLine.text(.fatal, "unknown flag: \($0)") })
    else { return 1 }
    let namespace = ContainerdNamespace(arguments, invocation, node: node)
    // `nerdctl container ls` and `nerdctl image ls` are the long forms of `ps` and `images`.
    let words = arguments.operands
    let command =
      words.count > 1 && ["container", "image"].contains(words[0]) && words[1] == "ls" ? words[0] : words.first
    switch command {
    case "ps", "container":
      await output.out(containers(namespace, arguments, now: node.cluster.now()))
      return 0
    case "images", "image":
      await output.out(images(namespace, arguments, now: node.cluster.now()))
      return 0
    case nil:
      await output.out("nerdctl is a command line interface for containerd\n\nUsage: nerdctl [flags]\n")
      return 0
    case let command?:
      await output.err(LogrusLine.text(.fatal, "unknown command \"\(command)\" for \"nerdctl\""))
      return 1
    }
  }

  func containers(_ namespace: ContainerdNamespace, _ arguments: ToolArguments, now: Date) -> String {
    let all = arguments.has("--all")
    var rows: [(created: Date, cells: [String])] = []
    func ago(_ date: Date) -> String { HumanUnits.duration(now.timeIntervalSince(date)) + " ago" }
    for container in namespace.runtime?.containers ?? [] where all || container.state == .running {
      let words = (container.spec["command"]?.arrayValue ?? []) + (container.spec["args"]?.arrayValue ?? [])
      var command = words.compactMap(\.stringValue).joined(separator: " ")
      if command.isEmpty { command = "/" + (ImageNames.repository(container.image).split(separator: "/").last ?? "") }
      if command.count > 20, !arguments.has("--no-trunc") { command = String(command.prefix(19)) + "…" }
      let status =
        container.state == .running
        ? "Up" : "Exited (\(container.exitCode)) \(ago(container.finishedAt ?? container.createdAt))"
      rows.append(
        (
          container.createdAt,
          [
            String(container.id.prefix(12)), ImageNames.qualified(container.image), "\"\(command)\"",
            ago(container.createdAt), status, "",
            "k8s://\(container.pod.namespace)/\(container.pod.name)/\(container.name)",
          ]
        ))
    }
    for pod in namespace.runtime?.pods ?? [] where all || pod.isReady {
      rows.append(
        (
          pod.createdAt,
          [
            String(pod.id.prefix(12)), ContainerdNamespace.sandboxImage, "\"/pause\"", ago(pod.createdAt),
            pod.isReady ? "Up" : "Exited (0) \(ago(pod.createdAt))", "", "k8s://\(pod.namespace)/\(pod.name)",
          ]
        ))
    }
    if arguments.has("--quiet") {
      return rows.sorted { $0.created > $1.created }.map { $0.cells[0] + "\n" }.joined()
    }
    var table = TabTable(minWidth: 4, padding: 4)
    table.add(["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"])
    for row in rows.sorted(by: { $0.created > $1.created }) { table.add(row.cells) }
    return table.text
  }

  func images(_ namespace: ContainerdNamespace, _ arguments: ToolArguments, now: Date) -> String {
    var table = TabTable(minWidth: 4, padding: 4)
    if !arguments.has("--quiet") {
      table.add(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "PLATFORM", "SIZE", "BLOB SIZE"])
    }
    for image in namespace.images {
      let digest = image.repoDigests.first.map { String($0.split(separator: "@").last ?? "") } ?? image.id
      let id = String(digest.dropFirst("sha256:".count).prefix(12))
      for name in image.repoTags {
        let pair = CrictlRun.split(name)
        if arguments.has("--quiet") {
          table.add([id])
          continue
        }
        table.add([
          pair.repository, pair.tag, id, "2 weeks ago", "linux/amd64", HumanUnits.binarySize(image.sizeBytes),
          HumanUnits.binarySize(image.sizeBytes * 2 / 5),
        ])
      }
    }
    return table.text
  }
}
