/// A problem in a schema document: says which entry is malformed.
public struct APISchemaError: Error, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
