import CYAML

/// Assembles libyaml events into one node tree per document, resolving aliases as it goes.
///
/// Anchors are scoped to their document, as in go-yaml. Nesting is capped at `maximumDepth`, counting
/// the depth an alias brings along, so that no later recursive walk over a tree can exhaust the stack.
struct YAMLTreeBuilder {
  static let maximumDepth = 512

  private struct OpenCollection {
    var node: YAMLNode
    var isMapping: Bool
    var children: [YAMLNode] = []
    var childHeight = 0
  }

  let file: String?
  private(set) var documents: [YAMLNode] = []
  private var root: YAMLNode?
  private var open: [OpenCollection] = []
  private var anchors: [String: (node: YAMLNode, height: Int)] = [:]

  init(file: String?) {
    self.file = file
  }

  mutating func handle(_ event: yaml_event_t) throws {
    let position = SourcePosition(
      file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      anchors = [:]
      root = nil
    case YAML_DOCUMENT_END_EVENT:
      // kubectl skips documents that decode to null: empty ones, only comments, or a bare `~`.
      if let root, !root.isNullScalar { documents.append(root) }
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      let node = YAMLNode(
        kind: .scalar(text, Self.style(scalar.style)), position: position, tag: Self.string(scalar.tag),
        anchor: Self.string(scalar.anchor))
      try complete(node, height: 1)
    case YAML_ALIAS_EVENT:
      let name = Self.string(event.data.alias.anchor) ?? ""
      if open.contains(where: { $0.node.anchor == name }) {
        throw YAMLError("anchor '\(name)' value contains itself", at: position)
      }
      guard let target = anchors[name] else {
        throw YAMLError("unknown anchor '\(name)' referenced", at: position)
      }
      var node = target.node
      node.position = position
      node.anchor = nil
      node.alias = name
      try complete(node, height: target.height)
    case YAML_SEQUENCE_START_EVENT:
      let start = event.data.sequence_start
      try push(position: position, tag: start.tag, anchor: start.anchor, isMapping: false)
    case YAML_MAPPING_START_EVENT:
      let start = event.data.mapping_start
      try push(position: position, tag: start.tag, anchor: start.anchor, isMapping: true)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let collection = open.popLast() else { return }
      var node = collection.node
      if collection.isMapping {
        node.kind = .mapping(
          stride(from: 0, to: collection.children.count - 1, by: 2).map {
            YAMLNode.Entry(key: collection.children[$0], value: collection.children[$0 + 1])
          })
      } else {
        node.kind = .sequence(collection.children)
      }
      try complete(node, height: collection.childHeight + 1)
    default:
      break
    }
  }

  private mutating func push(
    position: SourcePosition, tag: UnsafeMutablePointer<yaml_char_t>?, anchor: UnsafeMutablePointer<yaml_char_t>?,
    isMapping: Bool
  ) throws {
    guard open.count < Self.maximumDepth else { throw Self.tooDeep(at: position) }
    let node = YAMLNode(
      kind: isMapping ? .mapping([]) : .sequence([]), position: position, tag: Self.string(tag),
      anchor: Self.string(anchor))
    open.append(OpenCollection(node: node, isMapping: isMapping))
  }

  private mutating func complete(_ node: YAMLNode, height: Int) throws {
    guard height <= Self.maximumDepth else { throw Self.tooDeep(at: node.position) }
    if let anchor = node.anchor { anchors[anchor] = (node, height) }
    if open.isEmpty {
      root = node
    } else {
      open[open.count - 1].children.append(node)
      open[open.count - 1].childHeight = max(open[open.count - 1].childHeight, height)
    }
  }

  private static func tooDeep(at position: SourcePosition) -> YAMLError {
    YAMLError("document nests deeper than \(maximumDepth) levels", at: position)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }
}
