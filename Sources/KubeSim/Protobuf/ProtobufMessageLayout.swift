/// The fields of a schema type by protobuf field number. A number can also name a message that
/// JSON embeds inline (core.v1.Volume's VolumeSource): its own numbers then lead to fields of the
/// same JSON object.
struct ProtobufMessageLayout {
  enum Slot {
    case field(name: String, SchemaField)
    case inline(ProtobufMessageLayout)
  }

  private(set) var slots: [Int: Slot] = [:]

  init(type: SchemaType) {
    for (name, field) in type.fields {
      if let path = field.protobuf?.path { insert(name, field, at: path[...]) }
    }
  }

  private init() {}

  private mutating func insert(_ name: String, _ field: SchemaField, at path: ArraySlice<Int>) {
    guard let number = path.first else { return }
    guard path.count > 1 else {
      slots[number] = .field(name: name, field)
      return
    }
    var inner = ProtobufMessageLayout()
    if case .inline(let existing)? = slots[number] { inner = existing }
    inner.insert(name, field, at: path.dropFirst())
    slots[number] = .inline(inner)
  }
}
