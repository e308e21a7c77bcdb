import Testing

@testable import KubeSim

/// The wire format layer: every wire type, multi-byte and negative varints, and malformed input.
@Suite struct ProtobufReaderTests {
  func fields(_ bytes: [UInt8]) throws -> [(number: Int, value: ProtobufWireValue)] {
    var reader = ProtobufReader(bytes)
    return try reader.readAll()
  }

  @Test func readsEveryWireTypeInOrder() throws {
    let message = ProtobufTestMessage().varint(1, 300).fixed64(2, 0x0102_0304_0506_0708).string(3, "hi")
      .fixed32(20, 0xdead_beef)
    let read = try fields(message.bytes)
    #expect(read.map(\.number) == [1, 2, 3, 20])
    #expect(read[0].value == .varint(300))
    #expect(read[1].value == .fixed64(0x0102_0304_0506_0708))
    #expect(read[2].value == .lengthDelimited(Array("hi".utf8)[...]))
    #expect(read[3].value == .fixed32(0xdead_beef))
  }

  @Test func readsTheKnownBytesOfAVarint() throws {
    // 150 is the protobuf documentation's example: field 1, bytes 08 96 01.
    #expect(try fields([0x08, 0x96, 0x01]).first?.value == .varint(150))
  }

  @Test func negativeIntegersAreTenByteVarints() throws {
    let message = ProtobufTestMessage().int(1, -2)
    #expect(message.bytes.count == 11)
    #expect(try fields(message.bytes).first?.value == .varint(UInt64(bitPattern: -2)))
  }

  @Test func packedVarintsAreSplit() throws {
    let payload: [UInt8] = [0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05]
    #expect(try ProtobufReader.packedVarints(payload[...]) == [3, 270, 86942])
  }

  @Test(
    arguments: [
      ([0x08], "the message ends inside a varint"),
      ([0x12, 0x05, 0x61], "field 2 is 5 bytes long but only 1 remain"),
      ([0x09, 0x01, 0x02], "the message ends inside a 64-bit value"),
      ([0x0b], "field 1 has the unsupported wire type 3"),
      ([0x00], "invalid field number 0"),
      ([0x08] + [UInt8](repeating: 0xff, count: 11), "a varint is longer than 10 bytes"),
    ] as [([UInt8], String)])
  func malformedInputIsAnError(bytes: [UInt8], message: String) {
    #expect(throws: ProtobufDecodingError(message)) { try fields(bytes) }
  }
}
