import KubeModel

/// The pod checks learners meet most: containers need names and images, names are unique, and a
/// running pod's spec is mostly immutable.
enum PodValidation {
  typealias Cause = (reason: String, field: String, message: String)

  static func causes(spec: JSON?, path: String) -> [Cause] {
    var causes: [Cause] = []
    let containers = spec?["containers"]?.arrayValue ?? []
    if containers.isEmpty { causes.append(("FieldValueRequired", "\(path).containers", "Required value")) }
    var seen = Set<String>()
    for list in ["initContainers", "containers"] {
      for (index, container) in (spec?[list]?.arrayValue ?? []).enumerated() {
        let field = "\(path).\(list)[\(index)]"
        let name = container["name"]?.stringValue ?? ""
        if name.isEmpty {
          causes.append(("FieldValueRequired", "\(field).name", "Required value"))
        } else if !seen.insert(name).inserted {
          causes.append(("FieldValueDuplicate", "\(field).name", "Duplicate value: \"\(name)\""))
        } else if let problem = NameRules.dns1123Label.problem(with: name) {
          causes.append(("FieldValueInvalid", "\(field).name", "Invalid value: \"\(name)\": \(problem)"))
        }
        if (container["image"]?.stringValue ?? "").isEmpty {
          causes.append(("FieldValueRequired", "\(field).image", "Required value"))
        }
      }
    }
    let restartPolicy = spec?["restartPolicy"]?.stringValue ?? "Always"
    if !["Always", "OnFailure", "Never"].contains(restartPolicy) {
      causes.append(
        ("FieldValueNotSupported", "\(path).restartPolicy",
         "Unsupported value: \"\(restartPolicy)\": supported values: \"Always\", \"OnFailure\", \"Never\""))
    }
    return causes
  }

  /// A pod update may change only images, activeDeadlineSeconds, tolerations and the grace period.
  static func updateCauses(old: JSON, new: JSON) -> [Cause] {
    guard var oldSpec = old["spec"], var newSpec = new["spec"] else { return [] }
    func mask(_ spec: JSON) -> JSON {
      var masked = spec
      for list in ["containers", "initContainers"] {
        if let containers = masked[list]?.arrayValue {
          masked[list] = .array(
            containers.map { container in
              var container = container
              container["image"] = nil
              return container
            })
        }
      }
      for field in ["activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds"] { masked[field] = nil }
      return masked
    }
    oldSpec = mask(oldSpec)
    newSpec = mask(newSpec)
    guard oldSpec != newSpec else { return [] }
    return [
      ("FieldValueForbidden", "spec",
       "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")
    ]
  }
}
