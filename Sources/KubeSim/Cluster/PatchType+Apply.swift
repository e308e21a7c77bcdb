import KubeModel

extension PatchType {
  /// TEMPORARY until the patch module lands: JSON merge semantics for every type.
  func apply(_ patch: JSON, to object: JSON, schemaKind: (apiVersion: String, kind: String)?) throws -> JSON {
    func merge(_ target: JSON, _ patch: JSON) -> JSON {
      guard case .object(let fields) = patch else { return patch }
      var result = target.objectValue ?? [:]
      for (key, value) in fields {
        if value == .null { result[key] = nil } else { result[key] = merge(result[key] ?? .null, value) }
      }
      return .object(result)
    }
    return merge(object, patch)
  }
}
