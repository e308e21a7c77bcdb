/// A problem in YAML text or in converting it to JSON, with where it was found.
///
/// Syntax errors keep libyaml's wording: `message` is its problem ("found character that cannot
/// start any token") and `context` what it was doing ("while scanning for the next token"), each
/// with its own position, since for e.g. an unterminated quote the context marks where the quote began.
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public var position: SourcePosition
  public var context: String?
  public var contextPosition: SourcePosition?

  public init(
    _ message: String, at position: SourcePosition, context: String? = nil, contextPosition: SourcePosition? = nil
  ) {
    self.message = message
    self.position = position
    self.context = context
    self.contextPosition = contextPosition
  }

  public var description: String {
    var text = "\(position): \(message)"
    if let context {
      text += " (\(context)"
      if let contextPosition { text += " at line \(contextPosition.line) column \(contextPosition.column)" }
      text += ")"
    }
    return text
  }
}
