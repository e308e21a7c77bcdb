/// The frame of a Kubernetes protobuf body: the magic bytes `k8s\0`, then a `runtime.Unknown`
/// message {1: TypeMeta {1: apiVersion, 2: kind}, 2: raw object, 3: contentEncoding,
/// 4: contentType} whose raw bytes are the object's own message.
public struct ProtobufEnvelope: Equatable, Sendable {
  public static let magic: [UInt8] = Array("k8s\0".utf8)

  public var apiVersion = ""
  public var kind = ""
  public var raw: ArraySlice<UInt8> = []
  public var contentEncoding = ""
  public var contentType = ""

  public init(body: [UInt8]) throws {
    guard body.starts(with: Self.magic) else {
      throw ProtobufDecodingError(
        "provided data does not appear to be a protobuf message, expected prefix \(Self.magic)")
    }
    var reader = ProtobufReader(body.dropFirst(Self.magic.count))
    while let (number, value) = try reader.next() {
      switch (number, value) {
      case (1, .lengthDelimited(let typeMeta)):
        var typeReader = ProtobufReader(typeMeta)
        while let (typeNumber, typeValue) = try typeReader.next() {
          if case .lengthDelimited(let text) = typeValue {
            if typeNumber == 1 { apiVersion = String(decoding: text, as: UTF8.self) }
            if typeNumber == 2 { kind = String(decoding: text, as: UTF8.self) }
          }
        }
      case (2, .lengthDelimited(let bytes)): raw = bytes
      case (3, .lengthDelimited(let text)): contentEncoding = String(decoding: text, as: UTF8.self)
      case (4, .lengthDelimited(let text)): contentType = String(decoding: text, as: UTF8.self)
      default: continue
      }
    }
    guard !kind.isEmpty else { throw ProtobufDecodingError("Object 'Kind' is missing in the protobuf envelope") }
  }
}
