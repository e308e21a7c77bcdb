/// A JSONPath template that does not parse, or that fails on a document.
///
/// `message` is worded exactly as kubectl words it (e.g. `unclosed action`, `name is not found`) so
/// that learners see the text they would see from the real tool.
public struct JSONPathError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Stage: Sendable, Equatable {
    /// The template text is malformed.
    case parsing
    /// The template parsed but could not be evaluated on the given value.
    case executing
  }

  public var stage: Stage
  public var message: String
  /// The 0-based offset, in Unicode scalars, into the template where a parse error was found.
  public var position: Int?

  public init(stage: Stage, message: String, position: Int? = nil) {
    self.stage = stage
    self.message = message
    self.position = position
  }

  public var description: String {
    guard let position else { return message }
    return "\(message) (at offset \(position) of the template)"
  }

  static func parsing(_ message: String, at position: Int) -> JSONPathError {
    JSONPathError(stage: .parsing, message: message, position: position)
  }

  static func executing(_ message: String) -> JSONPathError {
    JSONPathError(stage: .executing, message: message)
  }
}
