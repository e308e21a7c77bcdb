/// Builds protobuf wire bytes field by field, so decoder tests state their input explicitly.
struct ProtobufTestMessage {
  private(set) var bytes: [UInt8] = []

  func varint(_ number: Int, _ value: UInt64) -> Self {
    var copy = self
    copy.appendVarint(UInt64(number << 3))
    copy.appendVarint(value)
    return copy
  }

  func int(_ number: Int, _ value: Int) -> Self {
    varint(number, UInt64(bitPattern: Int64(value)))
  }

  func bytes(_ number: Int, _ payload: [UInt8]) -> Self {
    var copy = self
    copy.appendVarint(UInt64(number << 3 | 2))
    copy.appendVarint(UInt64(payload.count))
    copy.bytes += payload
    return copy
  }

  func string(_ number: Int, _ text: String) -> Self {
    bytes(number, Array(text.utf8))
  }

  func message(_ number: Int, _ message: ProtobufTestMessage) -> Self {
    bytes(number, message.bytes)
  }

  /// One entry of a `map<string, string>` field.
  func entry(_ number: Int, _ key: String, _ value: String) -> Self {
    message(number, ProtobufTestMessage().string(1, key).string(2, value))
  }

  func fixed64(_ number: Int, _ value: UInt64) -> Self {
    var copy = self
    copy.appendVarint(UInt64(number << 3 | 1))
    copy.bytes += (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    return copy
  }

  func fixed32(_ number: Int, _ value: UInt32) -> Self {
    var copy = self
    copy.appendVarint(UInt64(number << 3 | 5))
    copy.bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    return copy
  }

  /// A whole request body: `k8s\0` and a runtime.Unknown around this message.
  func body(apiVersion: String, kind: String) -> [UInt8] {
    let typeMeta = ProtobufTestMessage().string(1, apiVersion).string(2, kind)
    return Array("k8s\0".utf8)
      + ProtobufTestMessage().message(1, typeMeta).message(2, self).string(3, "").string(
        4, "application/vnd.kubernetes.protobuf"
      ).bytes
  }

  private mutating func appendVarint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7f) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }
}
