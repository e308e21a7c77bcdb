import Foundation
import KubeModel

/// Namespaces and the configuration objects that live in them: ConfigMaps, Secrets, ServiceAccounts,
/// ResourceQuotas, Leases.
enum ConfigPrinters {
  static let namespaces = TablePrinter(
    columns: [.name, .text("Status", "Phase of the namespace: Active or Terminating."), .age]
  ) { namespace, now in
    [.string(namespace.name), .string(namespace["status", "phase"].string), namespace.age(at: now)]
  }

  static let configMaps = TablePrinter(
    columns: [.name, .text("Data", "Number of data and binaryData entries."), .age]
  ) { configMap, now in
    [.string(configMap.name), .int(configMap["data"].count + configMap["binaryData"].count), configMap.age(at: now)]
  }

  static let secrets = TablePrinter(
    columns: [.name, .text("Type", "Type of the secret."), .text("Data", "Number of data entries."), .age]
  ) { secret, now in
    [.string(secret.name), .string(secret["type"].string), .int(secret["data"].count), secret.age(at: now)]
  }

  static let serviceAccounts = TablePrinter(
    columns: [.name, .text("Secrets", "Number of secrets listed by the service account."), .age]
  ) { account, now in
    [.string(account.name), .int(account["secrets"].count), account.age(at: now)]
  }

  static let resourceQuotas = TablePrinter(
    columns: [
      .name,
      .text("Request", "Used and hard request quotas (everything but limits.*)."),
      .text("Limit", "Used and hard limits.* quotas."),
      .age,
    ]
  ) { quota, now in
    var requests: [String] = []
    var limits: [String] = []
    let hard = quota["status", "hard"]
    for resource in hard.members.map(\.key).sorted() {
      let entry = "\(resource): \(quota["status", "used", resource].quantity)/\(hard[resource].quantity)"
      if resource.hasPrefix("limits.") { limits.append(entry) } else { requests.append(entry) }
    }
    return [
      .string(quota.name), .string(requests.joined(separator: ", ")), .string(limits.joined(separator: ", ")),
      quota.age(at: now),
    ]
  }

  static let leases = TablePrinter(
    columns: [.name, .text("Holder", "Identity of the current holder of the lease."), .age]
  ) { lease, now in
    [.string(lease.name), .string(lease["spec", "holderIdentity"].string), lease.age(at: now)]
  }
}
