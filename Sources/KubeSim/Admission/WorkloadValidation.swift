import KubeModel

/// Workload checks: a selector that selects the template's own labels, sane replica counts, and a
/// valid pod template.
enum WorkloadValidation {
  typealias Cause = PodValidation.Cause

  static func causes(_ object: JSON, _ resource: ResourceType) -> [Cause] {
    let spec = object["spec"]
    let isController = resource.groupResource == "replicationcontrollers"
    let templatePath = resource.groupResource == "cronjobs.batch" ? "spec.jobTemplate.spec.template" : "spec.template"
    var causes: [Cause] = []
    if let replicas = spec?["replicas"]?.intValue, replicas < 0 {
      causes.append(
        ("FieldValueInvalid", "spec.replicas", "Invalid value: \(replicas): must be greater than or equal to 0"))
    }
    let labels = spec?[path: ["template", "metadata", "labels"]]?.objectValue ?? [:]
    if isController {
      if let selector = spec?["selector"]?.objectValue, !selector.isEmpty, !matches(selector, labels) {
        causes.append(
          ("FieldValueInvalid", "spec.template.metadata.labels",
           "Invalid value: \(goMap(labels)): `selector` does not match template `labels`"))
      }
    } else if resource.groupResource != "jobs.batch" {
      guard let selector = spec?["selector"], selector.objectValue?.isEmpty == false else {
        causes.append(("FieldValueRequired", "spec.selector", "Required value"))
        return causes + PodValidation.causes(spec: spec?[path: ["template", "spec"]], path: "\(templatePath).spec")
      }
      let matchLabels = selector["matchLabels"]?.objectValue ?? [:]
      if !matches(matchLabels, labels) || !LabelSelectorMatch.matchesExpressions(selector, labels) {
        causes.append(
          ("FieldValueInvalid", "spec.template.metadata.labels",
           "Invalid value: \(goMap(labels)): `selector` does not match template `labels`"))
      }
    }
    if resource.groupResource == "jobs.batch" {
      let policy = spec?[path: ["template", "spec", "restartPolicy"]]?.stringValue ?? "Always"
      if policy != "OnFailure" && policy != "Never" {
        causes.append(
          ("FieldValueNotSupported", "spec.template.spec.restartPolicy",
           "Unsupported value: \"\(policy)\": supported values: \"OnFailure\", \"Never\""))
      }
    }
    if resource.groupResource == "deployments.apps" || resource.groupResource == "replicasets.apps"
      || resource.groupResource == "statefulsets.apps" || resource.groupResource == "daemonsets.apps"
    {
      let policy = spec?[path: ["template", "spec", "restartPolicy"]]?.stringValue ?? "Always"
      if policy != "Always" {
        causes.append(
          ("FieldValueNotSupported", "spec.template.spec.restartPolicy",
           "Unsupported value: \"\(policy)\": supported values: \"Always\""))
      }
    }
    return causes + PodValidation.causes(spec: spec?[path: ["template", "spec"]], path: "\(templatePath).spec")
  }

  private static func matches(_ selector: JSONObject, _ labels: JSONObject) -> Bool {
    selector.allSatisfy { labels[$0.key] == $0.value }
  }

  /// Go's `%#v` of a map[string]string, which the real message prints: keys sorted.
  static func goMap(_ labels: JSONObject) -> String {
    let entries = labels.keys.sorted().map { key in
      "\"\(key)\":\"\(labels[key]?.stringValue ?? "")\""
    }
    return "map[string]string{" + entries.joined(separator: ", ") + "}"
  }
}
