extension YAMLNode {
  /// The node holding the value at `path` in this node's JSON, following merge keys and duplicate
  /// keys the way the conversion to JSON does.
  public func node(at path: FieldPath) -> YAMLNode? {
    var current = self
    for component in path.components {
      guard let (_, value) = current.step(component) else { return nil }
      current = value
    }
    return current
  }

  /// Where the field at `path` was written: a member's key, an element's value, the root for an
  /// empty path. nil when the path does not exist.
  public func position(of path: FieldPath) -> SourcePosition? {
    var current = self
    var position = self.position
    for component in path.components {
      guard let (written, value) = current.step(component) else { return nil }
      position = written
      current = value
    }
    return position
  }

  /// The position of the longest prefix of `path` that exists: where to point at a missing field.
  public func closestPosition(of path: FieldPath) -> SourcePosition {
    var current = self
    var position = self.position
    for component in path.components {
      guard let (written, value) = current.step(component) else { break }
      position = written
      current = value
    }
    return position
  }

  private func step(_ component: FieldPathComponent) -> (position: SourcePosition, value: YAMLNode)? {
    switch (component, kind) {
    case (.index(let index), .sequence(let items)) where items.indices.contains(index):
      return (items[index].position, items[index])
    case (.key(let key), .mapping):
      return entry(forKey: key).map { ($0.key.position, $0.value) }
    default:
      return nil
    }
  }

  /// The entry whose value ends up under `key`: the last writer in the order conversion applies them.
  private func entry(forKey key: String) -> Entry? {
    guard case .mapping(let entries) = kind else { return nil }
    var found: Entry?
    for entry in entries {
      if entry.key.isMergeKey {
        for source in (try? entry.value.mergeSources()) ?? [] {
          if let merged = source.entry(forKey: key) { found = merged }
        }
      } else if (try? entry.key.jsonKey()) == key {
        found = entry
      }
    }
    return found
  }
}
