import Foundation
import KubeModel

/// RoleBindings and ClusterRoleBindings (Roles and ClusterRoles have no printer of their own).
enum RBACPrinters {
  static let roleBindings = bindingPrinter(kind: "roleBinding")
  static let clusterRoleBindings = bindingPrinter(kind: "clusterRoleBinding")

  private static func bindingPrinter(kind: String) -> TablePrinter {
    TablePrinter(
      columns: [
        .name,
        .text("Role", "The bound role, as Kind/name."),
        .age,
        .text("Users", "Users in the \(kind).", wide: true),
        .text("Groups", "Groups in the \(kind).", wide: true),
        .text("ServiceAccounts", "Service accounts in the \(kind), as namespace/name.", wide: true),
      ]
    ) { binding, now in
      let subjects = binding["subjects"].items
      func names(ofKind kind: String, _ name: (PrintedObject) -> String) -> JSON {
        .string(subjects.filter { $0["kind"].string == kind }.map(name).joined(separator: ", "))
      }
      return [
        .string(binding.name), .string("\(binding["roleRef", "kind"].string)/\(binding["roleRef", "name"].string)"),
        binding.age(at: now),
        names(ofKind: "User") { $0["name"].string }, names(ofKind: "Group") { $0["name"].string },
        names(ofKind: "ServiceAccount") { "\($0["namespace"].string)/\($0["name"].string)" },
      ]
    }
  }
}
