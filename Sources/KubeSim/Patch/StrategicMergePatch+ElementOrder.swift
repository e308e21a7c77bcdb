import KubeModel

extension StrategicMergePatch {
  /// Orders a merged list as apimachinery does: the elements named by `order` (the patch list or
  /// a `$setElementOrder` list) come in that order; the others keep their order in the live list
  /// (`serverOrder`) and are slotted in before the first ordered element that the live list had
  /// after them.
  func ordered(_ merged: [JSON], by order: [JSON], serverOrder: [JSON], mergeKey: String?) throws -> [JSON] {
    let orderKeys = try order.map { try identity(of: $0, mergeKey: mergeKey) }
    let serverKeys = try serverOrder.map { try identity(of: $0, mergeKey: mergeKey) }
    func position(of key: JSON, in keys: [JSON]) -> Int? {
      keys.firstIndex { $0.isSemanticallyEqual(to: key) }
    }

    var ordered: [(element: JSON, key: JSON)] = []
    var serverOnly: [(element: JSON, key: JSON)] = []
    for element in merged {
      let key = try identity(of: element, mergeKey: mergeKey)
      if position(of: key, in: orderKeys) != nil {
        ordered.append((element, key))
      } else {
        serverOnly.append((element, key))
      }
    }
    ordered = stableSorted(ordered) { position(of: $0.key, in: orderKeys) }
    serverOnly = stableSorted(serverOnly) { position(of: $0.key, in: serverKeys) }

    // Interleave: a server-only element goes first only when the live list had it before the
    // next ordered element; elements new to the live list never wait for server-only ones.
    var result: [JSON] = []
    var left = serverOnly[...]
    var right = ordered[...]
    while let next = right.first {
      if let candidate = left.first, let candidatePosition = position(of: candidate.key, in: serverKeys),
        let nextPosition = position(of: next.key, in: serverKeys), candidatePosition < nextPosition
      {
        result.append(candidate.element)
        left = left.dropFirst()
      } else {
        result.append(next.element)
        right = right.dropFirst()
      }
    }
    result.append(contentsOf: left.map(\.element))
    return result
  }

  /// What identifies a list element: its merge key's value, or the element itself for primitives.
  func identity(of element: JSON, mergeKey: String?) throws -> JSON {
    guard let mergeKey else { return element }
    guard let value = element[mergeKey] else {
      throw PatchError("map: \(element.serialized()) does not contain declared merge key: \(mergeKey)", statusCode: 500)
    }
    return value
  }

  /// Sorts by a position, keeping the input order among equal or missing positions.
  private func stableSorted<Element>(_ items: [Element], by position: (Element) -> Int?) -> [Element] {
    items.enumerated()
      .sorted { lhs, rhs in
        let left = position(lhs.element) ?? Int.max
        let right = position(rhs.element) ?? Int.max
        return left != right ? left < right : lhs.offset < rhs.offset
      }
      .map(\.element)
  }
}
