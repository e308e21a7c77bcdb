import KubeModel

/// The label and field selectors of a list, watch or deletecollection request.
struct ObjectFilter {
  var labelRequirements: [(key: String, op: String, values: [String])] = []
  var fieldRequirements: [(field: String, op: String, value: String)] = []

  init(query: QueryParameters, resource: ResourceType) throws {
    _ = query
    _ = resource
  }

  func matches(_ object: JSON) -> Bool { true }

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
