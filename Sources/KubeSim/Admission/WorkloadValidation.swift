import KubeModel

/// Workload checks: a selector that selects the template's own labels, sane replica counts, and a
/// valid pod template.
enum WorkloadValidation {
  static func causes(_ object: JSON, _ resource: ServedResource) -> [FieldError] {
    let spec = object["spec"]
    let isController = resource.groupResource == "replicationcontrollers"
    let templatePath = resource.groupResource == "cronjobs.batch" ? "spec.jobTemplate.spec.template" : "spec.template"
    var causes: [FieldError] = []
    if let replicas = spec?["replicas"]?.intValue, replicas < 0 {
      causes.append(.invalid("spec.replicas", .int(replicas), "must be greater than or equal to 0"))
    }
    let labels = spec?[path: ["template", "metadata", "labels"]]?.objectValue ?? [:]
    if isController {
      if let selector = spec?["selector"]?.objectValue, !selector.isEmpty, !matches(selector, labels) {
        causes.append(selectorMismatch(labels))
      }
    } else if resource.groupResource != "jobs.batch" {
      guard let selector = spec?["selector"], selector.objectValue?.isEmpty == false else {
        causes.append(.required("spec.selector"))
        return causes + PodValidation.causes(spec: spec?[path: ["template", "spec"]], path: "\(templatePath).spec")
      }
      let parsed = try? LabelSelector(json: selector)
      if parsed?.matches(labels: labels.compactMapValues(\.stringValue).reduce(into: [:]) { $0[$1.key] = $1.value })
        != true
      {
        causes.append(selectorMismatch(labels))
      }
    }
    if resource.groupResource == "jobs.batch" {
      let policy = spec?[path: ["template", "spec", "restartPolicy"]]?.stringValue ?? "Always"
      if policy != "OnFailure" && policy != "Never" {
        causes.append(
          .notSupported("spec.template.spec.restartPolicy", .string(policy), supported: ["OnFailure", "Never"]))
      }
    }
    if resource.groupResource == "deployments.apps" || resource.groupResource == "replicasets.apps"
      || resource.groupResource == "statefulsets.apps" || resource.groupResource == "daemonsets.apps"
    {
      let policy = spec?[path: ["template", "spec", "restartPolicy"]]?.stringValue ?? "Always"
      if policy != "Always" {
        causes.append(.notSupported("spec.template.spec.restartPolicy", .string(policy), supported: ["Always"]))
      }
    }
    return causes + PodValidation.causes(spec: spec?[path: ["template", "spec"]], path: "\(templatePath).spec")
  }

  private static func matches(_ selector: JSONObject, _ labels: JSONObject) -> Bool {
    selector.allSatisfy { labels[$0.key] == $0.value }
  }

  /// The value is printed as Go's `%#v` prints a map, which FieldError's JSON rendering cannot.
  static func selectorMismatch(_ labels: JSONObject) -> FieldError {
    FieldError(
      .invalid, field: "spec.template.metadata.labels",
      detail: "\(goMap(labels)): `selector` does not match template `labels`")
  }

  /// Go's `%#v` of a map[string]string, which the real message prints: keys sorted.
  static func goMap(_ labels: JSONObject) -> String {
    let entries = labels.keys.sorted().map { key in
      "\"\(key)\":\"\(labels[key]?.stringValue ?? "")\""
    }
    return "map[string]string{" + entries.joined(separator: ", ") + "}"
  }
}
