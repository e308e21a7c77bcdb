import KubeModel

/// The label and field selectors of a list, watch or deletecollection request.
struct ObjectFilter {
  let labels: LabelSelector
  let fields: FieldSelector

  init(query: QueryParameters, resource: ServedResource) throws {
    do {
      labels = try query["labelSelector"].map { try LabelSelector(parsing: $0) } ?? .everything
      fields = try query["fieldSelector"].map { try FieldSelector(parsing: $0) } ?? .everything
    } catch let error as SelectorError {
      throw APIError.badRequest(error.message)
    }
    let supported = ["metadata.name", "metadata.namespace"] + resource.fieldSelectors
    for requirement in fields.requirements where !supported.contains(requirement.field) {
      throw APIError.badRequest("field label not supported: \(requirement.field)")
    }
  }

  func matches(_ object: JSON) -> Bool {
    if !labels.isEmpty {
      let objectLabels = (object[path: ["metadata", "labels"]]?.objectValue ?? [:]).compactMapValues(\.stringValue)
      guard labels.matches(labels: Dictionary(uniqueKeysWithValues: objectLabels.map { ($0.key, $0.value) })) else {
        return false
      }
    }
    return fields.isEmpty || fields.matches { Self.fieldValue(object, $0) }
  }

  /// The string value of a field label on an object, as the real field-label conversion renders it.
  static func fieldValue(_ object: JSON, _ field: String) -> String {
    switch field {
    case "status.podIPs":
      return (object[path: ["status", "podIPs"]]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }.joined(
        separator: ",")
    case "source":
      return object[path: ["source", "component"]]?.stringValue ?? ""
    default:
      let value = object[path: field.split(separator: ".").map(String.init)]
      switch value {
      case .string(let text)?: return text
      case .bool(let flag)?: return flag ? "true" : "false"
      case .int(let number)?: return String(number)
      default:
        // Unset booleans read as false, as the typed fields they come from do.
        return ["spec.hostNetwork", "spec.unschedulable"].contains(field) ? "false" : ""
      }
    }
  }
}
