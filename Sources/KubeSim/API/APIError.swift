import KubeModel

/// A failed API call: the HTTP code and the Status body the real API server would send.
public struct APIError: Error, Sendable {
  public var code: Int
  public var status: JSON

  public init(code: Int, reason: String, message: String, details: JSON? = nil) {
    self.code = code
    var status: JSON = [
      "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure", "message": .string(message),
      "reason": .string(reason),
    ]
    if let details { status["details"] = details }
    status["code"] = .int(code)
    self.status = status
  }

  public var message: String { status["message"]?.stringValue ?? "" }
  public var reason: String { status["reason"]?.stringValue ?? "" }
}

extension APIError {
  private static func details(_ resource: ResourceType?, name: String, kind: String? = nil) -> JSON {
    var details: JSON = ["name": .string(name)]
    if let group = resource?.group, !group.isEmpty { details["group"] = .string(group) }
    details["kind"] = .string(kind ?? resource?.plural ?? "")
    return details
  }

  public static func notFound(_ resource: ResourceType, name: String) -> APIError {
    APIError(
      code: 404, reason: "NotFound", message: "\(resource.groupResource) \"\(name)\" not found",
      details: details(resource, name: name))
  }

  public static func namespaceNotFound(_ namespace: String) -> APIError {
    APIError(
      code: 404, reason: "NotFound", message: "namespaces \"\(namespace)\" not found",
      details: ["name": .string(namespace), "kind": "namespaces"])
  }

  public static func alreadyExists(_ resource: ResourceType, name: String) -> APIError {
    APIError(
      code: 409, reason: "AlreadyExists", message: "\(resource.groupResource) \"\(name)\" already exists",
      details: details(resource, name: name))
  }

  public static func conflict(_ resource: ResourceType, name: String) -> APIError {
    APIError(
      code: 409, reason: "Conflict",
      message:
        "Operation cannot be fulfilled on \(resource.groupResource) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
      details: details(resource, name: name))
  }

  /// A field-level validation failure; `causes` are (reason, field, message) as the real server lists them.
  public static func invalid(
    _ resource: ResourceType, name: String, causes: [(reason: String, field: String, message: String)]
  ) -> APIError {
    let summaries = causes.map { "\($0.field): \($0.message)" }
    let joined = summaries.count == 1 ? summaries[0] : "[" + summaries.joined(separator: ", ") + "]"
    var details = details(resource, name: name, kind: resource.kind)
    details["causes"] = .array(
      causes.map { ["reason": .string($0.reason), "message": .string($0.message), "field": .string($0.field)] })
    let qualifiedKind = resource.group.isEmpty ? resource.kind : "\(resource.kind).\(resource.group)"
    return APIError(
      code: 422, reason: "Invalid", message: "\(qualifiedKind) \"\(name)\" is invalid: \(joined)", details: details)
  }

  public static func badRequest(_ message: String) -> APIError {
    APIError(code: 400, reason: "BadRequest", message: message)
  }

  public static func methodNotSupported(_ resource: ResourceType?, verb: String) -> APIError {
    let name = resource?.groupResource ?? "resource"
    return APIError(
      code: 405, reason: "MethodNotAllowed", message: "\(verb) is not supported on resources of kind \"\(name)\"",
      details: resource.map { details($0, name: "") })
  }

  public static let pathNotFound = APIError(
    code: 404, reason: "NotFound", message: "the server could not find the requested resource",
    details: ["causes": [["reason": "UnexpectedServerResponse", "message": "404 page not found"]]])

  public static let unauthorized = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")

  public static func expired(_ message: String) -> APIError {
    APIError(code: 410, reason: "Expired", message: message)
  }

  public static func unsupportedMediaType(_ contentType: String) -> APIError {
    APIError(
      code: 415, reason: "UnsupportedMediaType", message: "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml")
  }

  public static func internalError(_ message: String) -> APIError {
    APIError(
      code: 500, reason: "InternalError", message: "Internal error occurred: \(message)",
      details: ["causes": [["message": .string(message)]]])
  }
}
