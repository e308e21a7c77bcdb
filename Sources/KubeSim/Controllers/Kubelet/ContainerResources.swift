import Foundation
import KubeModel

/// A container's resource as the downward API exposes it (`resourceFieldRef`): its request or
/// limit divided by the divisor and rounded up; a missing limit is the node's allocatable.
enum ContainerResources {
  static func value(_ reference: JSON, container: JSON, node: JSON?) -> String? {
    guard let resource = reference["resource"]?.stringValue else { return nil }
    let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return nil }
    let (kind, name) = (parts[0], parts[1])
    var amount = ResourceQuantity.value(container[path: ["resources", kind, name]])
    if amount == nil, kind == "limits" {
      amount = ResourceQuantity.value(node?[path: ["status", "allocatable", name]])
    }
    if amount == nil, kind == "requests" {
      amount = ResourceQuantity.value(container[path: ["resources", "limits", name]]) ?? 0
    }
    let divisor = ResourceQuantity.value(reference["divisor"]) ?? 1
    guard let amount, divisor > 0 else { return nil }
    return String(Int((amount / divisor).rounded(.up)))
  }
}
