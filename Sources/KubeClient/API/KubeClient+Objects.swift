import KubeModel

extension KubeClient {
  /// Reads one object; a missing one throws `.api` with reason `NotFound`.
  public func get(_ resource: ResourceRef, name: String, namespace: String? = nil) async throws -> JSON {
    try await getJSON(path: resource.path(namespace: self.namespace(namespace, for: resource), name: name))
  }

  /// Creates `object` and returns it as stored (with uid, resourceVersion, defaults).
  public func create(
    _ resource: ResourceRef, _ object: JSON, namespace: String? = nil, fieldManager: String? = nil
  ) async throws -> JSON {
    let namespace = self.namespace(namespace ?? object[path: ["metadata", "namespace"]]?.stringValue, for: resource)
    let path = PathEncoding.path(resource.path(namespace: namespace), query: Self.fieldManagerQuery(fieldManager))
    return try await requestJSON(method: "POST", path: path, body: object)
  }

  /// Replaces the object named by `object.metadata.name`; a stale `resourceVersion` throws
  /// `.api` with reason `Conflict`.
  public func update(
    _ resource: ResourceRef, _ object: JSON, namespace: String? = nil, fieldManager: String? = nil
  ) async throws -> JSON {
    guard let name = object[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else {
      throw KubeClientError.invalidConfiguration("an update needs the object's metadata.name")
    }
    let namespace = self.namespace(namespace ?? object[path: ["metadata", "namespace"]]?.stringValue, for: resource)
    let path = PathEncoding.path(
      resource.path(namespace: namespace, name: name), query: Self.fieldManagerQuery(fieldManager))
    return try await requestJSON(method: "PUT", path: path, body: object)
  }

  /// Patches one object (or its `subresource`, e.g. `scale`, `status`) and returns the result.
  public func patch(
    _ resource: ResourceRef, name: String, namespace: String? = nil, _ patch: Patch, subresource: String? = nil,
    fieldManager: String? = nil
  ) async throws -> JSON {
    let path = PathEncoding.path(
      resource.path(namespace: self.namespace(namespace, for: resource), name: name, subresource: subresource),
      query: patch.queryItems.isEmpty ? Self.fieldManagerQuery(fieldManager) : patch.queryItems)
    return try await requestJSON(method: "PATCH", path: path, body: patch.body, contentType: patch.contentType)
  }

  /// Deletes one object; returns what the server answers (the object, or a Success Status).
  @discardableResult
  public func delete(
    _ resource: ResourceRef, name: String, namespace: String? = nil, options: DeleteOptions = .init()
  ) async throws -> JSON {
    try await requestJSON(
      method: "DELETE", path: resource.path(namespace: self.namespace(namespace, for: resource), name: name),
      body: options.body)
  }

  private static func fieldManagerQuery(_ fieldManager: String?) -> [(String, String)] {
    fieldManager.map { [("fieldManager", $0)] } ?? []
  }
}
