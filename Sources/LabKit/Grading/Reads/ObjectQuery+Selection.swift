import KubeModel

extension ObjectQuery {
  /// The objects this query selects from its read: all of them, or the one with its name.
  func selecting(_ listed: [JSON]) -> [JSON] {
    guard let name else { return listed }
    return listed.filter { $0[path: ["metadata", "name"]]?.stringValue == name }
  }
}
