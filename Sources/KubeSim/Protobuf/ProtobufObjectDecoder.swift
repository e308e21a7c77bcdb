import Foundation
import KubeModel

/// Turns a protobuf request body into the JSON object a JSON client sends for the same object:
/// field names and shapes from the schema, the field numbers recorded beside them. Scalars at
/// their zero value are left out unless the field keeps a present zero (Go pointers); fields the
/// schema does not number are skipped, as a server skips fields newer than itself.
public struct ProtobufObjectDecoder: Sendable {
  public var schema: APISchema

  public init(schema: APISchema = .builtIn) {
    self.schema = schema
  }

  /// The object of a whole body (`k8s\0` and a `runtime.Unknown`), `kind` and `apiVersion` first.
  public func decode(body: [UInt8]) throws -> JSON {
    let envelope = try ProtobufEnvelope(body: body)
    guard envelope.contentEncoding.isEmpty else {
      throw ProtobufDecodingError("the content encoding \(GoFormat.quoted(envelope.contentEncoding)) is not supported")
    }
    guard let type = schema.type(apiVersion: envelope.apiVersion, kind: envelope.kind) else {
      throw ProtobufDecodingError(
        "no kind \(GoFormat.quoted(envelope.kind)) is registered for version \(GoFormat.quoted(envelope.apiVersion))")
    }
    var object: JSONObject = ["kind": .string(envelope.kind), "apiVersion": .string(envelope.apiVersion)]
    try decodeFields(envelope.raw, layout: ProtobufMessageLayout(type: type), of: type.name, into: &object)
    return .object(object)
  }

  /// The JSON of one message of `type`.
  public func decode(message bytes: ArraySlice<UInt8>, type: SchemaType) throws -> JSON {
    if let freeForm = type.freeForm { return try ProtobufFreeForm.decode(bytes, as: freeForm, at: type.name) }
    var object = JSONObject()
    try decodeFields(bytes, layout: ProtobufMessageLayout(type: type), of: type.name, into: &object)
    return .object(object)
  }

  private func decodeFields(
    _ bytes: ArraySlice<UInt8>, layout: ProtobufMessageLayout, of typeName: String, into object: inout JSONObject
  ) throws {
    var reader = ProtobufReader(bytes)
    while let (number, value) = try reader.next() {
      switch layout.slots[number] {
      case nil: continue
      case .inline(let inner)?:
        guard case .lengthDelimited(let payload) = value else {
          throw ProtobufDecodingError("field \(number) of \(typeName) is a message, not a \(value.wireTypeName) value")
        }
        try decodeFields(payload, layout: inner, of: typeName, into: &object)
      case .field(let name, let field)?:
        try decodeField(value, field, at: "\(typeName).\(name)", into: &object[name])
      }
    }
  }

  /// Decodes one occurrence of a field: repeated fields and map entries add to what `member` holds.
  private func decodeField(
    _ value: ProtobufWireValue, _ field: SchemaField, at location: String, into member: inout JSON?
  )
    throws
  {
    let isBytes = field.protobuf?.isBytes ?? false
    switch field.shape {
    case .list(let element):
      member = .array((member?.arrayValue ?? []) + (try decodeRepeated(value, element, isBytes: isBytes, at: location)))
    case .map(let element):
      guard case .lengthDelimited(let entry) = value else { throw mismatch(location, "a map entry", value) }
      var key = ""
      var entryValue: JSON?
      var reader = ProtobufReader(entry)
      while let (number, part) = try reader.next() {
        if number == 1 { key = try decodeValue(part, .string, isBytes: false, at: location).stringValue ?? "" }
        if number == 2 { entryValue = try decodeValue(part, element, isBytes: isBytes, at: "\(location).\(key)") }
      }
      var members = member?.objectValue ?? [:]
      members[key] = try entryValue ?? zeroValue(element, at: "\(location).\(key)")
      member = .object(members)
    case .string, .integer, .number, .boolean:
      let decoded = try decodeValue(value, field.shape, isBytes: isBytes, at: location)
      // `.none`, not `nil`: JSON is nil-literal expressible, and a JSON null would stay in the object.
      member = decoded.isZeroScalar && field.protobuf?.keepsZero != true ? .none : .some(decoded)
    case .type, .any:
      member = try decodeValue(value, field.shape, isBytes: isBytes, at: location)
    }
  }

  /// The elements one occurrence of a repeated field carries: one, or several when packed.
  private func decodeRepeated(_ value: ProtobufWireValue, _ element: FieldShape, isBytes: Bool, at location: String)
    throws -> [JSON]
  {
    if case .lengthDelimited(let payload) = value, element == .integer || element == .boolean {
      return try ProtobufReader.packedVarints(payload).map {
        try decodeValue(.varint($0), element, isBytes: false, at: location)
      }
    }
    return [try decodeValue(value, element, isBytes: isBytes, at: location)]
  }

  private func decodeValue(_ value: ProtobufWireValue, _ shape: FieldShape, isBytes: Bool, at location: String) throws
    -> JSON
  {
    switch (shape, value) {
    case (.string, .lengthDelimited(let bytes)):
      return .string(isBytes ? Data(bytes).base64EncodedString() : String(decoding: bytes, as: UTF8.self))
    case (.integer, .varint(let number)), (.integer, .fixed64(let number)):
      return .int(Int(Int64(bitPattern: number)))
    case (.integer, .fixed32(let number)):
      return .int(Int(Int32(bitPattern: number)))
    case (.number, .fixed64(let bits)):
      return .double(Double(bitPattern: bits))
    case (.number, .fixed32(let bits)):
      return .double(Double(Float(bitPattern: bits)))
    case (.number, .varint(let number)):
      return .int(Int(Int64(bitPattern: number)))
    case (.boolean, .varint(let number)):
      return .bool(number != 0)
    case (.type(let name), .lengthDelimited(let bytes)):
      guard let type = schema.type(named: name) else {
        throw ProtobufDecodingError("\(location): unknown type \(name)")
      }
      return try decode(message: bytes, type: type)
    default:
      throw mismatch(location, "\(shape)", value)
    }
  }

  /// The value of a map entry sent without one: the zero value of its shape.
  private func zeroValue(_ shape: FieldShape, at location: String) throws -> JSON {
    switch shape {
    case .string: return ""
    case .integer: return 0
    case .number: return .double(0)
    case .boolean: return false
    case .type: return try decodeValue(.lengthDelimited([]), shape, isBytes: false, at: location)
    case .list: return []
    case .map: return [:]
    case .any: return .null
    }
  }

  private func mismatch(_ location: String, _ expected: String, _ value: ProtobufWireValue) -> ProtobufDecodingError {
    ProtobufDecodingError("\(location) expects \(expected), not a \(value.wireTypeName) value")
  }
}

extension JSON {
  /// Whether this is `""`, `0`, `false`: what Go's JSON encoding leaves out of an `omitempty` field.
  fileprivate var isZeroScalar: Bool {
    switch self {
    case .string(let text): return text.isEmpty
    case .int(let number): return number == 0
    case .double(let number): return number == 0
    case .bool(let flag): return !flag
    default: return false
    }
  }
}
