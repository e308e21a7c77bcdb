/// The errors of apimachinery's `api/errors` (and the API server's content negotiation), with the
/// same codes, reasons, details and message wording.
extension Status {
  /// 404: `pods "x" not found`, `deployments.apps "x" not found`.
  public static func notFound(resource: GroupResource, name: String) -> Status {
    Status(
      code: 404, reason: "NotFound", message: "\(resource) \(GoFormat.quoted(name)) not found",
      details: Details(name: name, group: resource.group, kind: resource.resource))
  }

  /// 409: `pods "web" already exists`.
  public static func alreadyExists(resource: GroupResource, name: String) -> Status {
    Status(
      code: 409, reason: "AlreadyExists", message: "\(resource) \(GoFormat.quoted(name)) already exists",
      details: Details(name: name, group: resource.group, kind: resource.resource))
  }

  /// The reason of a conflict on a stale resourceVersion.
  public static let optimisticLockMessage =
    "the object has been modified; please apply your changes to the latest version and try again"

  /// 409: `Operation cannot be fulfilled on pods "web": <reason>`.
  public static func conflict(resource: GroupResource, name: String, reason: String = optimisticLockMessage)
    -> Status
  {
    Status(
      code: 409, reason: "Conflict",
      message: "Operation cannot be fulfilled on \(resource) \(GoFormat.quoted(name)): \(reason)",
      details: Details(name: name, group: resource.group, kind: resource.resource))
  }

  /// 422: `Pod "web" is invalid: spec.containers[0].image: Required value`; several causes are
  /// joined as `[cause1, cause2]` (repeated messages once).
  public static func invalid(kind: GroupKind, name: String, causes: [FieldError]) -> Status {
    var messages: [String] = []
    for cause in causes where !messages.contains(cause.description) { messages.append(cause.description) }
    var message = "\(kind) \(GoFormat.quoted(name)) is invalid"
    if messages.count == 1 { message += ": " + messages[0] }
    if messages.count > 1 { message += ": [" + messages.joined(separator: ", ") + "]" }
    let statusCauses = causes.map { Cause(reason: $0.kind.rawValue, message: $0.body, field: $0.field) }
    return Status(
      code: 422, reason: "Invalid", message: message,
      details: Details(name: name, group: kind.group, kind: kind.kind, causes: statusCauses))
  }

  /// 400 with the given message.
  public static func badRequest(_ message: String) -> Status {
    Status(code: 400, reason: "BadRequest", message: message)
  }

  /// 403: `pods "x" is forbidden: <reason>`, `pods is forbidden: ...`, or `forbidden: ...`.
  public static func forbidden(resource: GroupResource, name: String = "", reason: String) -> Status {
    let message: String
    if resource.isEmpty {
      message = "forbidden: \(reason)"
    } else if name.isEmpty {
      message = "\(resource) is forbidden: \(reason)"
    } else {
      message = "\(resource) \(GoFormat.quoted(name)) is forbidden: \(reason)"
    }
    return Status(
      code: 403, reason: "Forbidden", message: message,
      details: Details(name: name, group: resource.group, kind: resource.resource))
  }

  /// 401; an empty reason reads `not authorized`.
  public static func unauthorized(_ reason: String = "") -> Status {
    Status(code: 401, reason: "Unauthorized", message: reason.isEmpty ? "not authorized" : reason)
  }

  /// 405: `<action> is not supported on resources of kind "pods"`.
  public static func methodNotSupported(resource: GroupResource, action: String) -> Status {
    Status(
      code: 405, reason: "MethodNotAllowed",
      message: "\(action) is not supported on resources of kind \(GoFormat.quoted(resource.description))",
      details: Details(group: resource.group, kind: resource.resource))
  }

  /// 500: `Internal error occurred: <error>`.
  public static func internalError(_ error: String) -> Status {
    Status(
      code: 500, reason: "InternalError", message: "Internal error occurred: \(error)",
      details: Details(causes: [Cause(message: error)]))
  }

  /// 410 `Expired`: a resourceVersion too old to watch or list from.
  public static func expired(_ message: String) -> Status {
    Status(code: 410, reason: "Expired", message: message)
  }

  /// 410 `Gone` (the older form of `expired`).
  public static func gone(_ message: String) -> Status {
    Status(code: 410, reason: "Gone", message: message)
  }

  /// 429 with a hint of when to retry.
  public static func tooManyRequests(_ message: String, retryAfterSeconds: Int) -> Status {
    Status(
      code: 429, reason: "TooManyRequests", message: message,
      details: Details(retryAfterSeconds: retryAfterSeconds))
  }

  /// 406: `only the following media types are accepted: application/json, ...`.
  public static func notAcceptable(accepted: [String]) -> Status {
    Status(
      code: 406, reason: "NotAcceptable",
      message: "only the following media types are accepted: \(accepted.joined(separator: ", "))")
  }

  /// 415: `the body of the request was in an unknown format - accepted media types include: ...`.
  public static func unsupportedMediaType(accepted: [String]) -> Status {
    Status(
      code: 415, reason: "UnsupportedMediaType",
      message: "the body of the request was in an unknown format - accepted media types include: "
        + accepted.joined(separator: ", "))
  }

}
