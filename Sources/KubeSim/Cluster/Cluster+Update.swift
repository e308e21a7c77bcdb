import KubeModel

extension Cluster {
  /// PUT: replaces an object. A stale resourceVersion is a 409 Conflict; on the main resource the
  /// status is kept (it belongs to the status subresource), and on `status` only the status changes.
  public func update(
    _ resource: ServedResource, namespace: String?, name: String, object input: JSON, subresource: String? = nil,
    options: WriteOptions = .init()
  ) throws -> WriteResult {
    var proposed = try checkTypeMeta(input, resource)
    let warnings = try admission.checkFields(&proposed, resource, options.fieldValidation)
    if let bodyName = proposed[path: ["metadata", "name"]]?.stringValue, !bodyName.isEmpty, bodyName != name {
      throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
    }
    try requireNamespace(resource, namespace, creating: false)
    let expectedVersion = proposed[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
    return try write(
      resource, namespace: namespace, name: name, subresource: subresource, options: options, warnings: warnings
    ) { current in
      if !expectedVersion.isEmpty, expectedVersion != current[path: ["metadata", "resourceVersion"]]?.stringValue {
        throw APIError.conflict(resource, name: name)
      }
      return proposed
    }
  }

  /// The common tail of update and patch: `change` proposes the new object from the current one, and
  /// this keeps what a client may not change, defaults, validates and stores it atomically.
  func write(
    _ resource: ServedResource, namespace: String?, name: String, subresource: String?, options: WriteOptions,
    warnings: [String], change: (JSON) throws -> JSON
  ) throws -> WriteResult {
    let key = key(resource, namespace: namespace, name: name)
    var dryRunResult: JSON?
    let outcome = try store.update(key) { current in
      let proposed = try change(current)
      var next = try reconcile(proposed: proposed, current: current, resource, subresource: subresource)
      admission.setDefaults(&next, resource, cluster: self)
      try admission.validate(next, old: current, resource)
      if resource.tracksGeneration, subresource == nil, specChanged(current, next) {
        next[path: ["metadata", "generation"]] = .int((current[path: ["metadata", "generation"]]?.intValue ?? 0) + 1)
      }
      if options.dryRun {
        dryRunResult = next
        return nil
      }
      return next
    }
    switch outcome {
    case .notFound: throw APIError.notFound(resource, name: name)
    case .unchanged(let object): return WriteResult(object: dryRunResult ?? object, warnings: warnings)
    case .updated(let object):
      finalizeIfReleased(resource, object)
      return WriteResult(object: object, warnings: warnings)
    }
  }

  /// Carries over what the server owns: identity, creation time, deletion state, and the half of
  /// the object (spec or status) the request does not address.
  func reconcile(proposed: JSON, current: JSON, _ resource: ServedResource, subresource: String?) throws -> JSON {
    var next: JSON
    if subresource == "status" {
      next = current
      next["status"] = proposed["status"]
      if let labels = proposed[path: ["metadata", "labels"]] { next[path: ["metadata", "labels"]] = labels }
    } else {
      next = proposed
      if resource.hasStatusSubresource { next["status"] = current["status"] }
    }
    next["kind"] = current["kind"]
    next["apiVersion"] = current["apiVersion"]
    for field in [
      "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation",
    ] {
      next[path: ["metadata", field]] = current[path: ["metadata", field]]
    }
    next[path: ["metadata", "resourceVersion"]] = current[path: ["metadata", "resourceVersion"]]
    if let metadata = next["metadata"]?.objectValue { next["metadata"] = .object(orderedMetadata(metadata)) }
    return next
  }

  func specChanged(_ old: JSON, _ new: JSON) -> Bool {
    var oldSpec = old
    var newSpec = new
    for field in ["metadata", "status"] {
      oldSpec[field] = nil
      newSpec[field] = nil
    }
    return oldSpec != newSpec
  }
}
