import Foundation
import KubeModel

extension APIHandler {
  func create(_ target: ResourceRequest, _ request: APIRequest) throws -> APIResponse {
    let body = try decodeBody(request)
    if let review = try AccessReviews.answer(target.resource, body, user: request.user) {
      return .json(review, status: 201)
    }
    let result = try cluster.create(
      target.resource, namespace: target.namespace, object: body, options: try writeOptions(request))
    return .json(result.object, status: 201, warnings: result.warnings)
  }

  func update(_ target: ResourceRequest, name: String, _ request: APIRequest) throws -> APIResponse {
    let body = try decodeBody(request)
    if target.subresource == "scale" {
      let replicas = body[path: ["spec", "replicas"]]?.intValue ?? 0
      return .json(try cluster.setScale(target.resource, namespace: target.namespace, name: name, replicas: replicas))
    }
    let result = try cluster.update(
      target.resource, namespace: target.namespace, name: name, object: body, subresource: target.subresource,
      options: try writeOptions(request))
    return .json(result.object, warnings: result.warnings)
  }

  func patch(_ target: ResourceRequest, name: String, _ request: APIRequest) throws -> APIResponse {
    if request.contentType == "application/apply-patch+yaml", target.subresource == nil {
      return try serverSideApply(target, name: name, request)
    }
    guard let type = PatchType(contentType: request.contentType) else {
      throw APIError(
        .unsupportedMediaType(accepted: PatchType.allCases.map(\.rawValue)))
    }
    let patch: JSON
    do {
      patch = try JSON(parsing: request.body)
    } catch {
      throw APIError.badRequest("error decoding patch: \(error)")
    }
    if target.subresource == "scale" {
      return .json(
        try cluster.patchScale(target.resource, namespace: target.namespace, name: name, patch: patch, type: type))
    }
    let result = try cluster.patch(
      target.resource, namespace: target.namespace, name: name, patch: patch, type: type,
      subresource: target.subresource, options: try writeOptions(request))
    return .json(result.object, warnings: result.warnings)
  }

  /// Server-side apply, simplified: the applied configuration creates the object, or is merged
  /// into it with the strategic merge rules. Field ownership is not tracked, so a field dropped
  /// from the configuration stays on the object (the real server would remove it).
  func serverSideApply(_ target: ResourceRequest, name: String, _ request: APIRequest) throws -> APIResponse {
    var options = try writeOptions(request)
    guard let manager = options.fieldManager, !manager.isEmpty else {
      throw APIError(
        .invalid(
          kind: GroupKind(group: "meta.k8s.io", kind: "PatchOptions"), name: "",
          causes: [.required("fieldManager", "is required for apply patch")]))
    }
    let text = String(decoding: request.body, as: UTF8.self)
    let configuration: JSON
    do {
      guard let document = try YAML.decodeJSON(text).first, document.objectValue != nil else {
        throw APIError.badRequest("the applied configuration must be an object")
      }
      configuration = document
    } catch let error as YAMLError {
      throw APIError.badRequest("error decoding YAML: \(error)")
    }
    if let bodyName = configuration[path: ["metadata", "name"]]?.stringValue, bodyName != name {
      throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
    }
    options.fieldValidation = request.query["fieldValidation"] == nil ? .strict : options.fieldValidation
    do {
      let result = try cluster.patch(
        target.resource, namespace: target.namespace, name: name, patch: configuration, type: .strategic,
        options: options)
      return .json(result.object, warnings: result.warnings)
    } catch let error as APIError where error.code == 404 && error.status.details?.name == name {
      var object = configuration
      object[path: ["metadata", "name"]] = .string(name)
      let result = try cluster.create(target.resource, namespace: target.namespace, object: object, options: options)
      return .json(result.object, status: 201, warnings: result.warnings)
    }
  }

  func delete(_ target: ResourceRequest, name: String, _ request: APIRequest) throws -> APIResponse {
    let options = try deleteOptions(request)
    let object = try cluster.delete(target.resource, namespace: target.namespace, name: name, options: options)
    return .json(object)
  }

  func deleteCollection(_ target: ResourceRequest, _ request: APIRequest) throws -> APIResponse {
    guard target.resource.verbs.contains("deletecollection") else {
      throw APIError.methodNotSupported(target.resource, verb: "deletecollection")
    }
    let filter = try ObjectFilter(query: request.query, resource: target.resource)
    let deleted = try cluster.deleteCollection(
      target.resource, namespace: target.namespace, matching: filter.matches, options: try deleteOptions(request))
    return .json([
      "kind": .string(target.resource.kind + "List"), "apiVersion": .string(target.resource.apiVersion),
      "metadata": ["resourceVersion": .string(String(cluster.store.resourceVersion))],
      "items": .array(deleted.map(Self.listItem)),
    ])
  }

  /// POST on a subresource: pods/binding and pods/eviction; the rest are not simulated.
  func createSubresource(_ target: ResourceRequest, name: String, _ subresource: String, _ request: APIRequest) throws
    -> APIResponse
  {
    let body = try decodeBody(request)
    switch subresource {
    case "binding":
      let node = body[path: ["target", "name"]]?.stringValue ?? ""
      try cluster.bind(namespace: target.namespace, pod: name, node: node)
      return .json(
        ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201], status: 201)
    case "eviction":
      try cluster.delete(target.resource, namespace: target.namespace, name: name, options: DeleteOptions())
      return .json(
        ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "code": 201], status: 201)
    default:
      throw APIError.methodNotSupported(target.resource, verb: "create")
    }
  }

  /// Delete options come as a DeleteOptions body (kubectl, python) or as query parameters.
  func deleteOptions(_ request: APIRequest) throws -> DeleteOptions {
    var options = DeleteOptions()
    let body = request.body.isEmpty ? JSON.object([:]) : ((try? JSON(parsing: request.body)) ?? [:])
    if let policy = body["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"] {
      guard let propagation = DeleteOptions.Propagation(rawValue: policy) else {
        throw APIError.badRequest(
          "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(policy)\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""
        )
      }
      options.propagation = propagation
    } else if body["orphanDependents"]?.boolValue == true || request.query.flag("orphanDependents") {
      options.propagation = .orphan
    }
    options.gracePeriodSeconds = body["gracePeriodSeconds"]?.intValue ?? request.query.integer("gracePeriodSeconds")
    options.preconditionUID = body[path: ["preconditions", "uid"]]?.stringValue
    options.preconditionResourceVersion = body[path: ["preconditions", "resourceVersion"]]?.stringValue
    let dryRun = body["dryRun"]?.arrayValue?.compactMap(\.stringValue) ?? []
    options.dryRun = dryRun.contains("All") || request.query["dryRun"] == "All"
    return options
  }
}
