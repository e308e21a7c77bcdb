/// Reads the fields of one protobuf message from its wire bytes, in the order they were written.
/// Deprecated groups (wire types 3 and 4) are rejected: no Kubernetes type uses them.
public struct ProtobufReader {
  private var bytes: ArraySlice<UInt8>

  public init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
  }

  public init(_ bytes: [UInt8]) {
    self.init(bytes[...])
  }

  /// The next field's number and value, or nil at the end of the message.
  public mutating func next() throws -> (number: Int, value: ProtobufWireValue)? {
    guard !bytes.isEmpty else { return nil }
    let key = try readVarint()
    let number = key >> 3
    guard number > 0, number <= 536_870_911 else { throw ProtobufDecodingError("invalid field number \(number)") }
    switch key & 7 {
    case 0: return (Int(number), .varint(try readVarint()))
    case 1: return (Int(number), .fixed64(try readLittleEndian(8)))
    case 2:
      let length = try readVarint()
      guard length <= UInt64(bytes.count) else {
        throw ProtobufDecodingError("field \(number) is \(length) bytes long but only \(bytes.count) remain")
      }
      let value = bytes.prefix(Int(length))
      bytes = bytes.dropFirst(Int(length))
      return (Int(number), .lengthDelimited(value))
    case 5: return (Int(number), .fixed32(UInt32(try readLittleEndian(4))))
    case let wireType: throw ProtobufDecodingError("field \(number) has the unsupported wire type \(wireType)")
    }
  }

  /// All remaining fields.
  public mutating func readAll() throws -> [(number: Int, value: ProtobufWireValue)] {
    var fields: [(number: Int, value: ProtobufWireValue)] = []
    while let field = try next() { fields.append(field) }
    return fields
  }

  /// The varints of a packed repeated scalar field's payload.
  static func packedVarints(_ payload: ArraySlice<UInt8>) throws -> [UInt64] {
    var reader = ProtobufReader(payload)
    var values: [UInt64] = []
    while !reader.bytes.isEmpty { values.append(try reader.readVarint()) }
    return values
  }

  private mutating func readVarint() throws -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while let byte = bytes.popFirst() {
      guard shift < 64 else { break }
      value |= UInt64(byte & 0x7f) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    throw ProtobufDecodingError(shift >= 64 ? "a varint is longer than 10 bytes" : "the message ends inside a varint")
  }

  private mutating func readLittleEndian(_ count: Int) throws -> UInt64 {
    guard bytes.count >= count else { throw ProtobufDecodingError("the message ends inside a \(count * 8)-bit value") }
    var value: UInt64 = 0
    for (index, byte) in bytes.prefix(count).enumerated() {
      value |= UInt64(byte) << (8 * UInt64(index))
    }
    bytes = bytes.dropFirst(count)
    return value
  }
}
