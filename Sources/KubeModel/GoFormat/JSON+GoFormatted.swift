extension JSON {
  /// The value as Go's `%v` prints the `map[string]interface{}` a server decoded it into:
  /// `map[a:1 b:[x y] c:map[d:<nil>]]`, keys sorted, strings unquoted. API errors quote it verbatim.
  public var goFormatted: String {
    switch self {
    case .null: return "<nil>"
    case .bool(let value): return value ? "true" : "false"
    case .int(let value): return String(value)
    case .double(let value): return GoFormat.float(value)
    case .string(let value): return value
    case .array(let items): return "[" + items.map(\.goFormatted).joined(separator: " ") + "]"
    case .object(let members):
      let entries = members.keys.sorted().map { key in key + ":" + (members[key]?.goFormatted ?? "<nil>") }
      return "map[" + entries.joined(separator: " ") + "]"
    }
  }
}
