import KubeModel

extension APISchema {
  /// The paths of the fields of `object` that its type does not know, in document order, named the
  /// way the API server's strict decoder names them: `metadata.lables`,
  /// `spec.containers[0].imagee`, map values as `spec.selector.matchLabels.app` style keys.
  /// Returns an empty list for kinds without a schema: they are not checked.
  public func unknownFields(in object: JSON, apiVersion: String, kind: String) -> [String] {
    guard let type = type(apiVersion: apiVersion, kind: kind) else { return [] }
    var found: [String] = []
    collectUnknownFields(in: object, shape: .type(type.name), path: "", into: &found)
    return found
  }

  private func collectUnknownFields(in value: JSON, shape: FieldShape, path: String, into found: inout [String]) {
    switch (shape, value) {
    case (.type(let name), .object(let members)):
      guard let type = types[name], type.freeForm == nil else { return }
      for (key, member) in members {
        let memberPath = Self.join(path, key)
        if let field = type.fields[key] {
          collectUnknownFields(in: member, shape: field.shape, path: memberPath, into: &found)
        } else {
          found.append(memberPath)
        }
      }
    case (.list(let element), .array(let items)):
      for (index, item) in items.enumerated() {
        collectUnknownFields(in: item, shape: element, path: "\(path)[\(index)]", into: &found)
      }
    case (.map(let element), .object(let members)):
      for (key, member) in members {
        collectUnknownFields(in: member, shape: element, path: Self.join(path, key), into: &found)
      }
    default:
      // Primitives and free-form values have no fields; a value of the wrong JSON type is a
      // decoding error reported elsewhere, not an unknown field.
      return
    }
  }

  private static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
  }
}
