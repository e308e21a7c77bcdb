/// An answer read from a file of a sandbox node when grading (`file: { node, path }`): the file's
/// text, trimmed, or the first capture group of `extract` in it (one flag of a static pod's
/// manifest, say).
public struct NodeFileAnswer: Hashable, Sendable {
  public var node: String
  /// Absolute, inside the node.
  public var path: String
  public var extract: String?
  public var kind: ValueKind
}
