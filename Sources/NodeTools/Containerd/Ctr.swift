import Foundation
import KubeSim

/// `ctr`, containerd's own low-level client (containerd 1.7): containers and images of a
/// namespace. On a kubeadm node everything is in `k8s.io`; the default namespace is empty.
public struct Ctr: NodeTool {
  public let names = ["ctr"]

  public init() {}

  static let options: [ToolArguments.Option] = [
    .value("--namespace", "-n"), .value("--address", "-a"), .flag("--quiet", "-q"), .flag("--debug"),
  ]

  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard
      let arguments = await ToolArguments.parse(
        invocation, options: Self.options, output: output,
        reject: { "Incorrect Usage: flag provided but not defined: \($0)\n" })
    else { return 1 }
    let words = arguments.operands
    let namespace = ContainerdNamespace(arguments, invocation, node: node)
    let quiet = arguments.has("--quiet")
    switch (words.first, words.dropFirst().first) {
    case (nil, _):
      await output.out(
        "NAME:\n   ctr - \n        __\n  _____/ /______\n / ___/ __/ ___/\n/ /__/ /_/ /\n\\___/\\__/_/\n\ncontainerd CLI\n"
      )
      return 0
    case ("containers", "ls"), ("containers", "list"), ("c", "ls"), ("container", "ls"), ("c", "list"):
      var table = TabTable(minWidth: 4, padding: 4, terminated: true)
      if !quiet { table.add(["CONTAINER", "IMAGE", "RUNTIME"]) }
      var rows: [(String, String)] = []
      if let runtime = namespace.runtime {
        rows += runtime.containers.map { ($0.id, ImageNames.qualified($0.image)) }
        rows += runtime.pods.map { ($0.id, ContainerdNamespace.sandboxImage) }
      }
      for (id, image) in rows.sorted(by: { $0.0 < $1.0 }) {
        table.add(quiet ? [id] : [id, image, "io.containerd.runc.v2"])
      }
      await output.out(quiet ? table.rows.map { $0[0] + "\n" }.joined() : table.text)
      return 0
    case ("images", "ls"), ("images", "list"), ("i", "ls"), ("image", "ls"), ("i", "list"):
      var table = TabTable(minWidth: 1, padding: 1, terminated: true)
      if !quiet { table.add(["REF", "TYPE", "DIGEST", "SIZE", "PLATFORMS", "LABELS"]) }
      var rows: [[String]] = []
      for image in namespace.images {
        let digest = image.repoDigests.first.map { String($0.split(separator: "@").last ?? "") } ?? image.id
        for reference in image.names + [image.id] {
          rows.append([
            reference, "application/vnd.oci.image.index.v1+json", digest, HumanUnits.binarySize(image.sizeBytes),
            "linux/amd64,linux/arm64", "io.cri-containerd.image=managed",
          ])
        }
      }
      for row in rows.sorted(by: { $0[0] < $1[0] }) { table.add(quiet ? [row[0]] : row) }
      await output.out(quiet ? table.rows.map { $0[0] + "\n" }.joined() : table.text)
      return 0
    case ("namespaces", "ls"), ("namespaces", "list"), ("ns", "ls"), ("namespace", "ls"):
      var table = TabTable(minWidth: 1, padding: 1, terminated: true)
      table.add(["NAME", "LABELS"])
      table.add([ContainerdNamespace.kubernetes, ""])
      await output.out(table.text)
      return 0
    case ("images", "pull"), ("i", "pull"), ("image", "pull"):
      // ctr resolves references as written: a short name is not a registry reference.
      let reference = words.dropFirst(2).first ?? ""
      let parts = reference.split(separator: "/", maxSplits: 1)
      guard parts.count == 2, parts[0].contains(".") else {
        await output.err(
          reference.contains(":")
            ? "ctr: failed to resolve reference \"\(reference)\": parse \"dummy://\(reference)\": invalid port "
              + "\":\(reference.split(separator: ":").last ?? "")\" after host\n"
            : "ctr: failed to resolve reference \"\(reference)\": object required\n")
        return 1
      }
      guard namespace.name == ContainerdNamespace.kubernetes else {
        await output.err("ctr: pulling into namespace \"\(namespace.name)\" is not simulated; use -n k8s.io\n")
        return 1
      }
      switch node.cluster.pullImage(reference, on: node.name) {
      case .success(let image):
        await output.out("\(reference): resolved\nunpacking linux/amd64 \(image.id)...\ndone: 0.1s\n")
        return 0
      case .failure(let failure):
        await output.err("ctr: \(failure.message)\n")
        return 1
      }
    default:
      await output.err("ctr: No help topic for '\(words.joined(separator: " "))'\n")
      return 1
    }
  }
}
