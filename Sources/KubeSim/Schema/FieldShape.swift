/// The JSON shape of a field: a primitive, a named schema type, a list, or a map with string keys.
public indirect enum FieldShape: Hashable, Sendable {
  case string
  case integer
  case number
  case boolean
  /// Any JSON value is accepted and nothing inside it is checked.
  case any
  case type(String)
  case list(FieldShape)
  case map(FieldShape)

  /// Reads the compact notation of api-schema.json: `string`, `core.v1.Pod`, `[]X`, `{}X`.
  init?(notation: Substring) {
    if notation.hasPrefix("[]") {
      guard let element = FieldShape(notation: notation.dropFirst(2)) else { return nil }
      self = .list(element)
      return
    }
    if notation.hasPrefix("{}") {
      guard let element = FieldShape(notation: notation.dropFirst(2)) else { return nil }
      self = .map(element)
      return
    }
    switch notation {
    case "string": self = .string
    case "integer": self = .integer
    case "number": self = .number
    case "boolean": self = .boolean
    case "any": self = .any
    default:
      // Type names are package-qualified, so they always contain a dot.
      guard notation.contains(".") else { return nil }
      self = .type(String(notation))
    }
  }
}
