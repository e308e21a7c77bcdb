import KubeModel

/// A failed API call: the Status the real API server would answer with, thrown through the layers.
public struct APIError: Error, Sendable {
  public var status: Status

  public init(_ status: Status) {
    self.status = status
  }

  public var code: Int { status.code }
  public var message: String { status.message }
  public var reason: String { status.reason }
}

extension APIError {
  public static func notFound(_ resource: ServedResource, name: String) -> APIError {
    APIError(.notFound(resource: resource.identity, name: name))
  }

  public static func namespaceNotFound(_ namespace: String) -> APIError {
    APIError(.notFound(resource: GroupResource(resource: "namespaces"), name: namespace))
  }

  public static func alreadyExists(_ resource: ServedResource, name: String) -> APIError {
    APIError(.alreadyExists(resource: resource.identity, name: name))
  }

  public static func conflict(_ resource: ServedResource, name: String, reason: String = Status.optimisticLockMessage)
    -> APIError
  {
    APIError(.conflict(resource: resource.identity, name: name, reason: reason))
  }

  public static func invalid(_ resource: ServedResource, name: String, causes: [FieldError]) -> APIError {
    APIError(.invalid(kind: GroupKind(group: resource.group, kind: resource.kind), name: name, causes: causes))
  }

  public static func badRequest(_ message: String) -> APIError {
    APIError(.badRequest(message))
  }

  public static func forbidden(_ resource: ServedResource, name: String = "", reason: String) -> APIError {
    APIError(.forbidden(resource: resource.identity, name: name, reason: reason))
  }

  public static func methodNotSupported(_ resource: ServedResource, verb: String) -> APIError {
    APIError(.methodNotSupported(resource: resource.identity, action: verb))
  }

  public static let pathNotFound = APIError(
    Status(
      code: 404, reason: "NotFound", message: "the server could not find the requested resource",
      details: Status.Details(causes: [Status.Cause(reason: "UnexpectedServerResponse", message: "404 page not found")])
    )
  )

  public static let unauthorized = APIError(.unauthorized("Unauthorized"))

  public static func expired(_ message: String) -> APIError {
    APIError(.expired(message))
  }

  public static func internalError(_ message: String) -> APIError {
    APIError(.internalError(message))
  }
}
