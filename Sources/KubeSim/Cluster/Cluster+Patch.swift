import KubeModel

extension Cluster {
  /// PATCH: the patch is applied to the current object under the store's lock, so concurrent
  /// patches never lose each other's changes.
  public func patch(
    _ resource: ServedResource, namespace: String?, name: String, patch: JSON, type: PatchType,
    subresource: String? = nil, options: WriteOptions = .init()
  ) throws -> WriteResult {
    try requireNamespace(resource, namespace, creating: false)
    var warnings: [String] = []
    var result = try write(
      resource, namespace: namespace, name: name, subresource: subresource, options: options, warnings: []
    ) { current in
      var patched = try Self.applying(type, patch, to: current, apiVersion: resource.apiVersion, kind: resource.kind)
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

  /// Applies a patch, answering a patch that does not apply as the real server does.
  static func applying(_ type: PatchType, _ patch: JSON, to object: JSON, apiVersion: String, kind: String) throws
    -> JSON
  {
    do {
      return try type.apply(patch, to: object, apiVersion: apiVersion, kind: kind)
    } catch let error as PatchError {
      switch error.statusCode {
      case 422:
        throw APIError(Status(code: 422, reason: "Invalid", message: error.message))
      case 500:
        throw APIError.internalError(error.message)
      default:
        throw APIError.badRequest(error.message)
      }
    }
  }
}
