import KubeModel

/// What the API server does to an object between decoding and storage: unknown-field handling,
/// name rules, defaulting and validation, per kind.
public struct Admission: Sendable {
  public init() {}

  /// Applies `fieldValidation`: Strict rejects unknown fields, Warn reports them, both drop them.
  func checkFields(_ object: inout JSON, _ resource: ServedResource, _ mode: WriteOptions.FieldValidation) throws
    -> [String]
  {
    let (known, unknown) = APISchema.builtIn.knownFieldsOnly(
      of: object, apiVersion: resource.apiVersion, kind: resource.kind)
    guard !unknown.isEmpty else { return [] }
    if mode == .strict {
      throw APIError.badRequest(
        StrictDecodingError(apiVersion: resource.apiVersion, kind: resource.kind, unknownFields: unknown).message)
    }
    object = known
    return mode == .warn ? unknown.map { "unknown field \"\($0)\"" } : []
  }

  func validateName(_ object: JSON, _ resource: ServedResource) throws {
    let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
    if name.isEmpty {
      throw APIError.invalid(
        resource, name: "", causes: [.required("metadata.name", "name or generateName is required")])
    }
    if let problem = NameRules.rule(for: resource).problem(with: name) {
      throw APIError.invalid(resource, name: name, causes: [.invalid("metadata.name", .string(name), problem)])
    }
  }

  func setDefaults(_ object: inout JSON, _ resource: ServedResource, cluster: Cluster) {
    switch resource.groupResource {
    case "pods": PodDefaults.apply(to: &object, isTemplate: false)
    case "deployments.apps", "replicasets.apps", "daemonsets.apps", "statefulsets.apps", "replicationcontrollers",
      "jobs.batch":
      WorkloadDefaults.apply(to: &object, resource)
    case "cronjobs.batch": WorkloadDefaults.applyCronJob(to: &object)
    case "services": ServiceDefaults.apply(to: &object, allocator: ServiceAllocator(cluster: cluster))
    case "namespaces": NamespaceDefaults.apply(to: &object)
    case "secrets": SecretDefaults.apply(to: &object)
    default: break
    }
  }

  func validate(_ object: JSON, old: JSON?, _ resource: ServedResource) throws {
    let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
    var causes: [FieldError] = []
    switch resource.groupResource {
    case "pods":
      causes = PodValidation.causes(spec: object["spec"], path: "spec")
      if let old { causes += PodValidation.updateCauses(old: old, new: object) }
    case "deployments.apps", "replicasets.apps", "daemonsets.apps", "statefulsets.apps", "jobs.batch",
      "replicationcontrollers":
      causes = WorkloadValidation.causes(object, resource)
    case "services":
      causes = ServiceDefaults.validationCauses(object)
    case "cronjobs.batch":
      causes = CronJobValidation.causes(object)
    default: break
    }
    if !causes.isEmpty { throw APIError.invalid(resource, name: name, causes: causes) }
  }
}
