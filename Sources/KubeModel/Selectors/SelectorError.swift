/// A label or field selector that cannot be parsed or built; `message` is worded as apimachinery
/// words it (what kubectl prints after `error: `).
public struct SelectorError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
