import KubeModel

/// A problem with a kubeconfig or with what it points at, located as precisely as the source allows:
/// `file:line:column: field: message`. Messages never carry secrets (tokens, key data).
public struct KubeconfigError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kubeconfig file the problem is in, when it is in one.
  public var file: String?
  /// Where the offending field was written, when the YAML node has a position.
  public var position: SourcePosition?
  /// The field, e.g. `users[0].user.client-key`.
  public var field: FieldPath?
  public var message: String

  public init(_ message: String, file: String? = nil, position: SourcePosition? = nil, field: FieldPath? = nil) {
    self.message = message
    self.file = file
    self.position = position
    self.field = field
  }

  public var description: String {
    var prefix: [String] = []
    if let position, position.file != nil {
      prefix.append(position.description)
    } else if let file {
      prefix.append(position.map { "\(file):\($0.line):\($0.column)" } ?? file)
    }
    if let field, !field.components.isEmpty { prefix.append(field.description) }
    return (prefix + [message]).joined(separator: ": ")
  }
}
