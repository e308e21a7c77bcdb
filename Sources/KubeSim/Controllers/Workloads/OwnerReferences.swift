import KubeModel

/// The owner references workload controllers read and write: a controller owns what carries its
/// uid in a reference marked `controller: true`.
enum OwnerReferences {
  static func controllerUID(of object: JSON) -> String? {
    object[path: ["metadata", "ownerReferences"]]?.arrayValue?.first { $0["controller"]?.boolValue == true }?["uid"]?
      .stringValue
  }

  /// The reference a controller stamps on what it creates or adopts.
  static func controllerReference(to owner: JSON) -> JSON {
    [
      "apiVersion": owner["apiVersion"] ?? "", "kind": owner["kind"] ?? "",
      "name": owner[path: ["metadata", "name"]] ?? "", "uid": owner[path: ["metadata", "uid"]] ?? "",
      "controller": true, "blockOwnerDeletion": true,
    ]
  }

  static func adopting(_ object: JSON, by owner: JSON) -> JSON {
    var adopted = object
    var references = object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
    references.append(controllerReference(to: owner))
    adopted[path: ["metadata", "ownerReferences"]] = .array(references)
    return adopted
  }

  static func releasing(_ object: JSON, from ownerUID: String) -> JSON {
    var released = object
    let references = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter {
      $0["uid"]?.stringValue != ownerUID
    }
    released[path: ["metadata", "ownerReferences"]] = references.isEmpty ? nil : .array(references)
    return released
  }
}
