import KubeModel

/// Where a value came from: a file, the line and column it was written at, and its field. Kept by
/// credential sources so that problems found later (a plugin failing, a token file vanishing) are
/// reported at the kubeconfig entry that set them up.
public struct KubeconfigLocation: Hashable, Sendable {
  public var file: String?
  public var position: SourcePosition?
  public var field: FieldPath?

  public init(file: String? = nil, position: SourcePosition? = nil, field: FieldPath? = nil) {
    self.file = file
    self.position = position
    self.field = field
  }

  func error(_ message: String) -> KubeconfigError {
    KubeconfigError(message, file: file, position: position, field: field)
  }
}
