/// A request body that is not the protobuf the API server expects; the message says where.
public struct ProtobufDecodingError: Error, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
