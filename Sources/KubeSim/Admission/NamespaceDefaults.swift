import KubeModel

/// A namespace carries its own name as a label, the `kubernetes` finalizer, and starts Active.
enum NamespaceDefaults {
  static func apply(to object: inout JSON) {
    if let name = object[path: ["metadata", "name"]]?.stringValue {
      object[path: ["metadata", "labels", "kubernetes.io/metadata.name"]] = .string(name)
    }
    PodDefaults.setIfMissing(&object, "spec", ["finalizers": ["kubernetes"]])
    if object[path: ["status", "phase"]] == nil { object[path: ["status", "phase"]] = "Active" }
  }
}
