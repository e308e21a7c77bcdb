import Foundation
import KubeModel

/// The Kubernetes types with a JSON form of their own, read from their protobuf messages.
enum ProtobufFreeForm {
  static func decode(_ bytes: ArraySlice<UInt8>, as form: SchemaType.FreeForm, at location: String) throws -> JSON {
    var reader = ProtobufReader(bytes)
    let fields = try reader.readAll()
    func varint(_ number: Int) -> UInt64? {
      fields.last { $0.number == number }.flatMap { if case .varint(let value) = $0.value { value } else { nil } }
    }
    func text(_ number: Int) -> String? {
      fields.last { $0.number == number }.flatMap {
        if case .lengthDelimited(let text) = $0.value { String(decoding: text, as: UTF8.self) } else { nil }
      }
    }
    switch form {
    case .intOrString:
      // {1: type (0 int, 1 string), 2: intVal, 3: strVal}
      if varint(1) == 1 { return .string(text(3) ?? "") }
      return .int(Int(Int32(truncatingIfNeeded: varint(2) ?? 0)))
    case .quantity:
      // {1: string}; the zero Quantity prints as "0".
      let quantity = text(1) ?? ""
      return .string(quantity.isEmpty ? "0" : quantity)
    case .time, .microTime:
      // {1: seconds, 2: nanos}; the zero time is sent as an empty message and is null in JSON.
      guard !fields.isEmpty else { return .null }
      let seconds = Int64(bitPattern: varint(1) ?? 0)
      let nanos = Int(Int32(truncatingIfNeeded: varint(2) ?? 0))
      // Years 0001 to 9999, the range RFC 3339 can write.
      guard (-62_135_596_800...253_402_300_799).contains(seconds), (0..<1_000_000_000).contains(nanos) else {
        throw ProtobufDecodingError("\(location) is not a valid time: \(seconds) s, \(nanos) ns")
      }
      let whole = APITimestamp.string(Date(timeIntervalSince1970: Double(seconds)))
      guard form == .microTime else { return .string(whole) }
      let micros = String(nanos / 1000)
      return .string(whole.dropLast() + "." + String(repeating: "0", count: 6 - micros.count) + micros + "Z")
    case .object:
      // RawExtension and FieldsV1: {1: the JSON text}.
      guard let raw = text(1), !raw.isEmpty else { return .null }
      do {
        return try JSON(parsing: raw)
      } catch {
        throw ProtobufDecodingError("\(location) does not hold JSON: \(error)")
      }
    }
  }
}
