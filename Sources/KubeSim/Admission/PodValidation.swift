import KubeModel

/// The pod checks learners meet most: containers need names and images, names are unique, and a
/// running pod's spec is mostly immutable.
enum PodValidation {
  static func causes(spec: JSON?, path: String) -> [FieldError] {
    var causes: [FieldError] = []
    let containers = spec?["containers"]?.arrayValue ?? []
    if containers.isEmpty { causes.append(.required("\(path).containers")) }
    var seen = Set<String>()
    for list in ["initContainers", "containers"] {
      for (index, container) in (spec?[list]?.arrayValue ?? []).enumerated() {
        let field = "\(path).\(list)[\(index)]"
        let name = container["name"]?.stringValue ?? ""
        if name.isEmpty {
          causes.append(.required("\(field).name"))
        } else if !seen.insert(name).inserted {
          causes.append(.duplicate("\(field).name", .string(name)))
        } else if let problem = NameRules.dns1123Label.problem(with: name) {
          causes.append(.invalid("\(field).name", .string(name), problem))
        }
        if (container["image"]?.stringValue ?? "").isEmpty {
          causes.append(.required("\(field).image"))
        }
      }
    }
    let restartPolicy = spec?["restartPolicy"]?.stringValue ?? "Always"
    if !["Always", "OnFailure", "Never"].contains(restartPolicy) {
      causes.append(
        .notSupported("\(path).restartPolicy", .string(restartPolicy), supported: ["Always", "OnFailure", "Never"]))
    }
    return causes
  }

  /// A pod update may change only images, activeDeadlineSeconds, tolerations and the grace period.
  static func updateCauses(old: JSON, new: JSON) -> [FieldError] {
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
      .forbidden(
        "spec",
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
      )
    ]
  }
}
