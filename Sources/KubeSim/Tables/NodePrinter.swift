import Foundation
import KubeModel

/// Nodes: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.
enum NodePrinter {
  static let printer = TablePrinter(
    columns: [
      .name,
      .text("Status", "Whether the node is ready, and whether scheduling is disabled."),
      .text("Roles", "Roles from the node-role.kubernetes.io/<role> labels."),
      .age,
      .text("Version", "Version of the node's kubelet."),
      .text("Internal-IP", "The node's first internal address.", wide: true),
      .text("External-IP", "The node's first external address.", wide: true),
      .text("OS-Image", "Operating system image reported by the node.", wide: true),
      .text("Kernel-Version", "Kernel version reported by the node.", wide: true),
      .text("Container-Runtime", "Container runtime and its version.", wide: true),
    ]
  ) { node, now in
    let info = node["status", "nodeInfo"]
    return [
      .string(node.name), .string(status(node)), .string(roles(node)), node.age(at: now),
      .string(info["kubeletVersion"].string),
      .string(address(node, type: "InternalIP")), .string(address(node, type: "ExternalIP")),
      .string(orUnknown(info["osImage"].string)), .string(orUnknown(info["kernelVersion"].string)),
      .string(orUnknown(info["containerRuntimeVersion"].string)),
    ]
  }

  /// `Ready`, `NotReady` or `Unknown` (no Ready condition), plus `,SchedulingDisabled` when cordoned.
  static func status(_ node: PrintedObject) -> String {
    // Like the Go map the printer builds, the last condition of a type wins.
    let ready = node["status", "conditions"].items.last { $0["type"].string == "Ready" }
    var parts = [ready.map { $0["status"].string == "True" ? "Ready" : "NotReady" } ?? "Unknown"]
    if node["spec", "unschedulable"].bool { parts.append("SchedulingDisabled") }
    return parts.joined(separator: ",")
  }

  /// Roles from `node-role.kubernetes.io/<role>` label keys and the legacy `kubernetes.io/role` value.
  static func roles(_ node: PrintedObject) -> String {
    var roles = Set<String>()
    for (key, value) in node["metadata", "labels"].members {
      if key.hasPrefix(rolePrefix) {
        let role = String(key.dropFirst(rolePrefix.count))
        if !role.isEmpty { roles.insert(role) }
      } else if key == "kubernetes.io/role" && !value.string.isEmpty {
        roles.insert(value.string)
      }
    }
    return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
  }

  private static let rolePrefix = "node-role.kubernetes.io/"

  private static func address(_ node: PrintedObject, type: String) -> String {
    node["status", "addresses"].items.first { $0["type"].string == type }?["address"].string ?? "<none>"
  }

  private static func orUnknown(_ text: String) -> String { text.isEmpty ? "<unknown>" : text }
}
