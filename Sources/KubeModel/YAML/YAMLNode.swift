/// One node of a parsed YAML document, with the position it was written at.
///
/// Aliases are resolved while parsing: an alias `*name` becomes a copy of the anchored node (cheap, the
/// storage is shared) that keeps the alias's own position and records the alias name, so positions
/// point at the text a reader sees and conversion can still limit alias expansion.
public struct YAMLNode: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case scalar(String, ScalarStyle)
    case sequence([YAMLNode])
    case mapping([Entry])
  }

  /// How a scalar was written; quoted and block scalars are never resolved to non-strings.
  public enum ScalarStyle: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// A mapping's key and value; the key keeps its own position.
  public struct Entry: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
      self.key = key
      self.value = value
    }
  }

  public var kind: Kind
  public var position: SourcePosition
  /// The explicit tag as libyaml resolved it, e.g. `tag:yaml.org,2002:str` for `!!str`, or `!foo`.
  public var tag: String?
  /// The anchor defined on this node (`&name`).
  public var anchor: String?
  /// The alias (`*name`) this node was copied from, nil for a node written out in place.
  public var alias: String?

  public init(
    kind: Kind, position: SourcePosition, tag: String? = nil, anchor: String? = nil, alias: String? = nil
  ) {
    self.kind = kind
    self.position = position
    self.tag = tag
    self.anchor = anchor
    self.alias = alias
  }
}
