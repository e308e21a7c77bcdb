/// One field value as the protobuf wire format carries it, before any schema gives it meaning.
public enum ProtobufWireValue: Equatable, Sendable {
  /// Wire type 0: int32, int64, uint, bool, enum.
  case varint(UInt64)
  /// Wire type 1: fixed64, sfixed64, double.
  case fixed64(UInt64)
  /// Wire type 2: strings, bytes, nested messages, map entries, packed repeated scalars.
  case lengthDelimited(ArraySlice<UInt8>)
  /// Wire type 5: fixed32, sfixed32, float.
  case fixed32(UInt32)

  /// A name for error messages.
  var wireTypeName: String {
    switch self {
    case .varint: return "varint"
    case .fixed64: return "64-bit"
    case .lengthDelimited: return "length-delimited"
    case .fixed32: return "32-bit"
    }
  }
}
