/// A named API type: an object with known fields, or a type whose JSON form is free.
public struct SchemaType: Hashable, Sendable {
  /// How a type with its own JSON encoding is accepted by the decoder.
  public enum FreeForm: String, Hashable, Sendable {
    /// `IntOrString`: an integer or a string.
    case intOrString
    /// `Quantity`: a string such as `500m`, or a number.
    case quantity
    /// `Time`: an RFC 3339 string.
    case time
    /// `MicroTime`: an RFC 3339 string with microseconds.
    case microTime
    /// `RawExtension`, `FieldsV1`, …: any object, not checked.
    case object
  }

  public var name: String
  /// The fields of an object type; empty for a free-form type.
  public var fields: [String: SchemaField]
  public var requiredFields: [String]
  /// Set when the type is not described by its fields.
  public var freeForm: FreeForm?

  public init(name: String, fields: [String: SchemaField], requiredFields: [String] = [], freeForm: FreeForm? = nil) {
    self.name = name
    self.fields = fields
    self.requiredFields = requiredFields
    self.freeForm = freeForm
  }
}
