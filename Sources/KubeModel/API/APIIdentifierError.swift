/// A malformed API identifier such as an apiVersion string.
public struct APIIdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
