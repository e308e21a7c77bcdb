/// Evaluates parsed template nodes on a JSON value the way client-go's `JSONPath.FindResults` does,
/// including how `{range}`/`{end}` blocks are entered, skipped when empty, and resumed after.
struct JSONPathEvaluator {
  let allowMissingKeys: Bool
  private var pendingRanges = 0
  private var openRanges = 0
  private var pendingEnds = 0
  /// Index (in the template's top-level nodes) of the most recent `{end}` that closed a block.
  private var lastEnd: Int?

  init(allowMissingKeys: Bool) {
    self.allowMissingKeys = allowMissingKeys
  }

  /// One result list per top-level node that produces output, in template order.
  mutating func results(of nodes: ArraySlice<JSONPathNode>, on data: JSON) throws -> [[JSON]] {
    var output: [[JSON]] = []
    var index = nodes.startIndex
    while index < nodes.endIndex {
      let results = try walk([data], nodes[index])
      if pendingEnds > 0 && pendingEnds <= openRanges {
        pendingEnds -= 1
        lastEnd = index
        break
      }
      if pendingRanges > 0 {
        pendingRanges -= 1
        openRanges += 1
        let body = nodes[(index + 1)...]
        if results.isEmpty {
          // The body still runs once, its output dropped, so evaluation errors and `{end}` are seen.
          _ = try self.results(of: body, on: .null)
        }
        for value in results { output += try self.results(of: body, on: value) }
        openRanges -= 1
        if let lastEnd, lastEnd > index { index = lastEnd }
        index += 1
        continue
      }
      output.append(results)
      index += 1
    }
    return output
  }

  private mutating func walk(_ input: [JSON], _ node: JSONPathNode) throws -> [JSON] {
    switch node {
    case .list(let steps):
      var current = input
      for step in steps { current = try walk(current, step) }
      return current
    case .text(let text): return [.string(text)]
    case .int(let value): return input.map { _ in .int(value) }
    case .float(let value): return input.map { _ in .double(value) }
    case .bool(let value): return input.map { _ in .bool(value) }
    case .field(let name): return try field(name, of: input)
    case .wildcard: return input.flatMap(children)
    case .recursive: return input.flatMap(descendants)
    case .slice(let slice): return try select(slice, from: input)
    case .union(let alternatives):
      var results: [JSON] = []
      for alternative in alternatives { results += try walk(input, alternative) }
      return results
    case .filter(let left, let op, let right): return try filter(input, left: left, op: op, right: right)
    case .identifier(let word): return try identifier(word, input: input)
    }
  }

  private mutating func identifier(_ word: String, input: [JSON]) throws -> [JSON] {
    switch word {
    case "range":
      pendingRanges += 1
      return input
    case "end":
      guard openRanges > 0 else { throw JSONPathError.executing("not in range, nothing to end") }
      pendingEnds += 1
      return []
    default:
      throw JSONPathError.executing("unrecognized identifier \(word)")
    }
  }

  private func field(_ name: String, of input: [JSON]) throws -> [JSON] {
    if input.isEmpty { return [] }
    let results = input.compactMap { $0[name] }
    if results.isEmpty && !allowMissingKeys { throw JSONPathError.executing("\(name) is not found") }
    return results
  }

  /// Members of an object, elements of an array, or the bytes of a string (Go indexes strings by byte).
  private func children(_ value: JSON) -> [JSON] {
    switch value {
    case .object(let object): return Array(object.values)
    case .array(let array): return array
    case .string(let string): return string.utf8.map { .int(Int($0)) }
    default: return []
    }
  }

  /// The value itself (when it has children) followed by the same for each child, depth first.
  private func descendants(_ value: JSON) -> [JSON] {
    let children = children(value)
    if children.isEmpty { return [] }
    return [value] + children.flatMap(descendants)
  }

  private func select(_ slice: JSONPathSlice, from input: [JSON]) throws -> [JSON] {
    var results: [JSON] = []
    for value in input {
      if value.isNull { continue }
      guard case .array(let array) = value else {
        throw JSONPathError.executing("\(GoFormat.typeName(value)) is not array or slice")
      }
      let length = array.count
      var start = slice.start ?? 0
      if start < 0 { start += length }
      var end = slice.end ?? length
      if end < 0 || (end == 0 && slice.endIsDerived) { end += length }
      // kubectl stops at the first empty selection, dropping any later inputs.
      if start == end { return results }
      if start >= length || start < 0 {
        throw JSONPathError.executing("array index out of bounds: index \(start), length \(length)")
      }
      if end > length || end < 0 {
        throw JSONPathError.executing("array index out of bounds: index \(end &- 1), length \(length)")
      }
      if start > end {
        throw JSONPathError.executing("starting index \(start) is greater than ending index \(end)")
      }
      let step = slice.step ?? 1
      if step <= 0 { throw JSONPathError.executing("step must be > 0") }
      results += stride(from: start, to: end, by: step).map { array[$0] }
    }
    return results
  }

  private mutating func filter(_ input: [JSON], left: JSONPathNode, op: String, right: JSONPathNode) throws
    -> [JSON]
  {
    var results: [JSON] = []
    for value in input {
      guard case .array(let elements) = value else {
        throw JSONPathError.executing("\(GoFormat.value(value)) is not array or slice and cannot be filtered")
      }
      for element in elements {
        if op == "exists" {
          // Errors only mean "absent" in an existence test.
          if let found = try? walk([element], left), !found.isEmpty { results.append(element) }
          continue
        }
        guard let lhs = try single(walk([element], left)), let rhs = try single(walk([element], right)) else {
          continue
        }
        if try JSONPathComparison.holds(lhs, op, rhs) { results.append(element) }
      }
    }
    return results
  }

  /// The one value a comparison operand produced; nil (skip the element) when it produced none.
  private func single(_ values: [JSON]) throws -> JSON? {
    guard values.count <= 1 else { throw JSONPathError.executing("can only compare one element at a time") }
    return values.first
  }
}
