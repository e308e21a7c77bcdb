extension JSON {
  /// The same value with every object's keys in byte order, as Go's json.Marshal writes a map.
  func sortingObjectKeys() -> JSON {
    switch self {
    case .array(let array): return .array(array.map { $0.sortingObjectKeys() })
    case .object(let object):
      let members = object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      return .object(JSONObject(uniqueKeysWithValues: members.map { ($0.key, $0.value.sortingObjectKeys()) }))
    default: return self
    }
  }
}
