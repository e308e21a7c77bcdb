/// The API's error object (`kind: Status`), returned with a failure HTTP code and understood by
/// kubectl and client libraries.
public struct Status: Error, Hashable, Sendable, CustomStringConvertible {
  /// One reason an operation failed, e.g. a field that did not validate.
  public struct Cause: Hashable, Sendable {
    /// The machine-readable type, e.g. `FieldValueRequired` (serialized as `reason`).
    public var reason: String
    public var message: String
    public var field: String

    public init(reason: String = "", message: String = "", field: String = "") {
      self.reason = reason
      self.message = message
      self.field = field
    }
  }

  public struct Details: Hashable, Sendable {
    public var name: String
    public var group: String
    /// The resource (`pods`) for most errors, the kind (`Pod`) for `Invalid`.
    public var kind: String
    public var uid: String
    public var causes: [Cause]
    public var retryAfterSeconds: Int

    public init(
      name: String = "", group: String = "", kind: String = "", uid: String = "", causes: [Cause] = [],
      retryAfterSeconds: Int = 0
    ) {
      self.name = name
      self.group = group
      self.kind = kind
      self.uid = uid
      self.causes = causes
      self.retryAfterSeconds = retryAfterSeconds
    }
  }

  /// `Success` or `Failure`.
  public var status: String
  public var message: String
  /// e.g. `NotFound`, `AlreadyExists`, `Invalid`.
  public var reason: String
  public var details: Details?
  /// The HTTP status code.
  public var code: Int

  public init(status: String = "Failure", code: Int, reason: String, message: String, details: Details? = nil) {
    self.status = status
    self.code = code
    self.reason = reason
    self.message = message
    self.details = details
  }

  public var description: String { message }

  /// The object as the API server writes it; empty fields are left out as Go's `omitempty` does.
  public func toJSON() -> JSON {
    var object: JSONObject = ["kind": "Status", "apiVersion": "v1", "metadata": .object([:])]
    if !status.isEmpty { object["status"] = .string(status) }
    if !message.isEmpty { object["message"] = .string(message) }
    if !reason.isEmpty { object["reason"] = .string(reason) }
    if let details { object["details"] = details.toJSON() }
    if code != 0 { object["code"] = .int(code) }
    return .object(object)
  }

  /// Reads a Status object; throws when `json` is not one.
  public init(json: JSON) throws {
    guard json["kind"]?.stringValue == "Status" else { throw APIIdentifierError("the object is not a Status") }
    self.init(
      status: json["status"]?.stringValue ?? "", code: json["code"]?.intValue ?? 0,
      reason: json["reason"]?.stringValue ?? "", message: json["message"]?.stringValue ?? "",
      details: json["details"].map(Details.init(json:)))
  }
}

extension Status.Details {
  func toJSON() -> JSON {
    var object = JSONObject()
    if !name.isEmpty { object["name"] = .string(name) }
    if !group.isEmpty { object["group"] = .string(group) }
    if !kind.isEmpty { object["kind"] = .string(kind) }
    if !uid.isEmpty { object["uid"] = .string(uid) }
    if !causes.isEmpty { object["causes"] = .array(causes.map { $0.toJSON() }) }
    if retryAfterSeconds != 0 { object["retryAfterSeconds"] = .int(retryAfterSeconds) }
    return .object(object)
  }

  init(json: JSON) {
    self.init(
      name: json["name"]?.stringValue ?? "", group: json["group"]?.stringValue ?? "",
      kind: json["kind"]?.stringValue ?? "", uid: json["uid"]?.stringValue ?? "",
      causes: (json["causes"]?.arrayValue ?? []).map(Status.Cause.init(json:)),
      retryAfterSeconds: json["retryAfterSeconds"]?.intValue ?? 0)
  }
}

extension Status.Cause {
  func toJSON() -> JSON {
    var object = JSONObject()
    if !reason.isEmpty { object["reason"] = .string(reason) }
    if !message.isEmpty { object["message"] = .string(message) }
    if !field.isEmpty { object["field"] = .string(field) }
    return .object(object)
  }

  init(json: JSON) {
    self.init(
      reason: json["reason"]?.stringValue ?? "", message: json["message"]?.stringValue ?? "",
      field: json["field"]?.stringValue ?? "")
  }
}
