import KubeModel

/// The patch formats PATCH accepts, by Content-Type.
public enum PatchType: Sendable {
  case json
  case merge
  case strategic
  case apply

  init?(contentType: String) {
    switch contentType {
    case "application/json-patch+json": self = .json
    case "application/merge-patch+json": self = .merge
    case "application/strategic-merge-patch+json": self = .strategic
    case "application/apply-patch+yaml", "application/apply-patch+json": self = .apply
    default: return nil
    }
  }
}

extension Cluster {
  /// PATCH: the patch is applied to the current object under the store's lock, so concurrent
  /// patches never lose each other's changes.
  public func patch(
    _ resource: ResourceType, namespace: String?, name: String, patch: JSON, type: PatchType,
    subresource: String? = nil, options: WriteOptions = .init()
  ) throws -> WriteResult {
    try requireNamespace(resource, namespace, creating: false)
    var warnings: [String] = []
    var result = try write(
      resource, namespace: namespace, name: name, subresource: subresource, options: options, warnings: []
    ) { current in
      var patched = try type.apply(patch, to: current, schemaKind: (resource.apiVersion, resource.kind))
      warnings = try admission.checkFields(&patched, resource, options.fieldValidation)
      if let expected = patch[path: ["metadata", "resourceVersion"]]?.stringValue, !expected.isEmpty,
        expected != current[path: ["metadata", "resourceVersion"]]?.stringValue
      {
        throw APIError.conflict(resource, name: name)
      }
      return patched
    }
    result.warnings = warnings
    return result
  }
}
