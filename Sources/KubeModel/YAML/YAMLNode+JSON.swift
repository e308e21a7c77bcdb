extension YAMLNode {
  /// The JSON kubectl makes of this node (sigs.k8s.io/yaml over go-yaml v2), except that members
  /// keep the order they were written in (Go's maps lose it; kubectl prints them sorted).
  ///
  /// A repeated key takes the last value, as in kubectl, which converts with the non-strict
  /// `yaml.Unmarshal`; use `json(rejectingDuplicateKeys: true)` to reject it instead.
  public var json: JSON {
    get throws { try json(rejectingDuplicateKeys: false) }
  }

  /// The JSON of this node. With `rejectingDuplicateKeys`, a key written twice in one mapping is an
  /// error at its second occurrence (keys that merge keys bring in may still be overridden: that is
  /// what merging is for, although go-yaml's strict mode rejects it too).
  public func json(rejectingDuplicateKeys: Bool) throws -> JSON {
    var converter = YAMLJSONConverter(rejectsDuplicateKeys: rejectingDuplicateKeys)
    return try converter.convert(self)
  }
}

/// Walks a node tree into JSON, counting alias expansion as go-yaml does so that a small document
/// cannot expand into billions of nodes ("billion laughs").
struct YAMLJSONConverter {
  let rejectsDuplicateKeys: Bool
  private var visited = 0
  private var visitedThroughAliases = 0
  private var aliasDepth = 0

  init(rejectsDuplicateKeys: Bool) {
    self.rejectsDuplicateKeys = rejectsDuplicateKeys
  }

  mutating func convert(_ node: YAMLNode) throws -> JSON {
    if node.alias != nil { aliasDepth += 1 }
    defer { if node.alias != nil { aliasDepth -= 1 } }
    try countVisit(node)
    switch node.kind {
    case .scalar: return try scalar(node)
    case .sequence(let items): return .array(try items.map { try convert($0) })
    case .mapping(let entries): return .object(try object(entries))
    }
  }

  private func scalar(_ node: YAMLNode) throws -> JSON {
    switch try node.scalarValue() {
    case .null, nil: return .null
    case .bool(let bool): return .bool(bool)
    case .int(let int): return .int(int)
    case .largeInteger(let double): return .double(double)
    case .string(let text): return .string(text)
    case .double(let double):
      guard double.isFinite else {
        // kubectl fails the same way: encoding/json has no infinity or NaN.
        throw YAMLError("json: unsupported value: \(GoFloatFormat.shortest(double, float32: false))", at: node.position)
      }
      return .double(double)
    }
  }

  private mutating func object(_ entries: [YAMLNode.Entry]) throws -> JSONObject {
    var object = JSONObject()
    var explicitKeys: [String: SourcePosition] = [:]
    for entry in entries {
      if entry.key.isMergeKey {
        for source in try entry.value.mergeSources() {
          guard case .object(let merged) = try convert(source) else { continue }
          for (key, value) in merged { object[key] = value }
        }
        continue
      }
      try countVisit(entry.key)
      let key = try entry.key.jsonKey()
      if rejectsDuplicateKeys, let first = explicitKeys[key] {
        throw YAMLError("mapping key \"\(key)\" already defined at line \(first.line)", at: entry.key.position)
      }
      explicitKeys[key] = entry.key.position
      object[key] = try convert(entry.value)
    }
    return object
  }

  /// go-yaml's budget: past 100 aliased nodes and 1,000 nodes in all, alias expansion may make up
  /// 99 % of a document up to 400,000 nodes, falling linearly to 10 % at 4,000,000.
  private mutating func countVisit(_ node: YAMLNode) throws {
    visited += 1
    if aliasDepth > 0 { visitedThroughAliases += 1 }
    guard visitedThroughAliases > 100, visited > 1000 else { return }
    let total = Double(visited)
    let allowedShare = total <= 400_000 ? 0.99 : total >= 4_000_000 ? 0.10 : 0.99 - 0.89 * (total - 400_000) / 3_600_000
    if Double(visitedThroughAliases) / total > allowedShare {
      throw YAMLError("document contains excessive aliasing", at: node.position)
    }
  }
}
