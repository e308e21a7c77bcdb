/// One validation problem with a field of an object, as apimachinery's `field.Error`: the cause of an
/// `Invalid` Status.
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case required = "FieldValueRequired"
    case invalid = "FieldValueInvalid"
    case notSupported = "FieldValueNotSupported"
    case duplicate = "FieldValueDuplicate"
    case forbidden = "FieldValueForbidden"
    case tooLong = "FieldValueTooLong"
    case tooMany = "FieldValueTooMany"
    case notFound = "FieldValueNotFound"
    case typeInvalid = "FieldValueTypeInvalid"
    case internalError = "InternalError"

    /// How the problem is named in messages.
    public var title: String {
      switch self {
      case .required: return "Required value"
      case .invalid, .typeInvalid: return "Invalid value"
      case .notSupported: return "Unsupported value"
      case .duplicate: return "Duplicate value"
      case .forbidden: return "Forbidden"
      case .tooLong: return "Too long"
      case .tooMany: return "Too many"
      case .notFound: return "Not found"
      case .internalError: return "Internal error"
      }
    }

    /// Kinds whose message never shows the offending value.
    fileprivate var omitsValue: Bool { [.required, .forbidden, .tooLong, .internalError].contains(self) }
  }

  public var kind: Kind
  /// The path of the field, e.g. `spec.containers[0].image`.
  public var field: String
  public var badValue: JSON?
  public var detail: String

  public init(_ kind: Kind, field: String, badValue: JSON? = nil, detail: String = "") {
    self.kind = kind
    self.field = field
    self.badValue = badValue
    self.detail = detail
  }

  public static func required(_ field: String, _ detail: String = "") -> FieldError {
    FieldError(.required, field: field, detail: detail)
  }

  public static func invalid(_ field: String, _ value: JSON, _ detail: String) -> FieldError {
    FieldError(.invalid, field: field, badValue: value, detail: detail)
  }

  /// `Unsupported value: "x": supported values: "a", "b"`.
  public static func notSupported(_ field: String, _ value: JSON, supported: [String]) -> FieldError {
    let detail = supported.isEmpty ? "" : "supported values: " + supported.map(GoFormat.quoted).joined(separator: ", ")
    return FieldError(.notSupported, field: field, badValue: value, detail: detail)
  }

  public static func duplicate(_ field: String, _ value: JSON) -> FieldError {
    FieldError(.duplicate, field: field, badValue: value)
  }

  public static func forbidden(_ field: String, _ detail: String) -> FieldError {
    FieldError(.forbidden, field: field, detail: detail)
  }

  public static func notFound(_ field: String, _ value: JSON) -> FieldError {
    FieldError(.notFound, field: field, badValue: value)
  }

  /// The message without the field (`field.Error.ErrorBody()`), e.g. `Invalid value: "x": detail`.
  public var body: String {
    var text = kind.title
    if !kind.omitsValue, let badValue {
      switch badValue {
      case .string(let string): text += ": " + GoFormat.quoted(string)
      case .null: text += ": null"
      case .bool, .int, .double: text += ": " + GoFormat.value(badValue)
      case .array, .object: text += ": " + badValue.serialized()
      }
    }
    if !detail.isEmpty { text += ": " + detail }
    return text
  }

  /// `spec.containers[0].image: Required value`.
  public var description: String { "\(field): \(body)" }
}
