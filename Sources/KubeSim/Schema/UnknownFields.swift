import KubeModel

extension APISchema {
  /// The paths of the fields of `object` that its type does not know, in document order, named the
  /// way the API server's strict decoder names them: `metadata.lables`,
  /// `spec.containers[0].imagee`, map values as `spec.selector.matchLabels.app` style keys.
  /// Returns an empty list for kinds without a schema: they are not checked.
  public func unknownFields(in object: JSON, apiVersion: String, kind: String) -> [String] {
    knownFieldsOnly(of: object, apiVersion: apiVersion, kind: kind).unknown
  }

  /// The object without the fields its type does not know, as the typed decoder of a
  /// non-strict request keeps it, and the paths of those fields.
  public func knownFieldsOnly(of object: JSON, apiVersion: String, kind: String) -> (
    object: JSON, unknown: [String]
  ) {
    guard let type = type(apiVersion: apiVersion, kind: kind) else { return (object, []) }
    var found: [String] = []
    let pruned = pruneUnknownFields(in: object, shape: .type(type.name), path: "", into: &found)
    return (pruned, found)
  }

  private func pruneUnknownFields(in value: JSON, shape: FieldShape, path: String, into found: inout [String]) -> JSON {
    switch (shape, value) {
    case (.type(let name), .object(let members)):
      guard let type = types[name], type.freeForm == nil else { return value }
      var kept = JSONObject()
      for (key, member) in members {
        let memberPath = Self.join(path, key)
        if let field = type.fields[key] {
          kept[key] = pruneUnknownFields(in: member, shape: field.shape, path: memberPath, into: &found)
        } else {
          found.append(memberPath)
        }
      }
      return .object(kept)
    case (.list(let element), .array(let items)):
      return .array(
        items.enumerated().map { index, item in
          pruneUnknownFields(in: item, shape: element, path: "\(path)[\(index)]", into: &found)
        })
    case (.map(let element), .object(let members)):
      var kept = JSONObject()
      for (key, member) in members {
        kept[key] = pruneUnknownFields(in: member, shape: element, path: Self.join(path, key), into: &found)
      }
      return .object(kept)
    default:
      // Primitives and free-form values have no fields; a value of the wrong JSON type is a
      // decoding error reported elsewhere, not an unknown field.
      return value
    }
  }

  private static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
  }
}
