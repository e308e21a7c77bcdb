import KubeModel

/// Defaults of the workload kinds: replica counts, strategies, history limits, and their pod templates.
enum WorkloadDefaults {
  static func apply(to object: inout JSON, _ resource: ServedResource) {
    var spec = object["spec"] ?? [:]
    let set = PodDefaults.setIfMissing
    switch resource.groupResource {
    case "deployments.apps":
      set(&spec, "replicas", 1)
      if spec[path: ["strategy", "type"]] == nil { spec[path: ["strategy", "type"]] = "RollingUpdate" }
      if spec[path: ["strategy", "type"]] == "RollingUpdate" {
        var rolling = spec[path: ["strategy", "rollingUpdate"]] ?? [:]
        set(&rolling, "maxUnavailable", "25%")
        set(&rolling, "maxSurge", "25%")
        spec[path: ["strategy", "rollingUpdate"]] = rolling
      }
      set(&spec, "revisionHistoryLimit", 10)
      set(&spec, "progressDeadlineSeconds", 600)
    case "replicasets.apps":
      set(&spec, "replicas", 1)
    case "replicationcontrollers":
      set(&spec, "replicas", 1)
      if spec["selector"] == nil, let labels = spec[path: ["template", "metadata", "labels"]] {
        spec["selector"] = labels
      }
      if object[path: ["metadata", "labels"]] == nil, let labels = spec[path: ["template", "metadata", "labels"]] {
        object[path: ["metadata", "labels"]] = labels
      }
    case "daemonsets.apps":
      if spec[path: ["updateStrategy", "type"]] == nil { spec[path: ["updateStrategy", "type"]] = "RollingUpdate" }
      if spec[path: ["updateStrategy", "type"]] == "RollingUpdate" {
        var rolling = spec[path: ["updateStrategy", "rollingUpdate"]] ?? [:]
        set(&rolling, "maxUnavailable", 1)
        set(&rolling, "maxSurge", 0)
        spec[path: ["updateStrategy", "rollingUpdate"]] = rolling
      }
      set(&spec, "revisionHistoryLimit", 10)
    case "statefulsets.apps":
      set(&spec, "replicas", 1)
      set(&spec, "podManagementPolicy", "OrderedReady")
      if spec[path: ["updateStrategy", "type"]] == nil {
        spec["updateStrategy"] = ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]]
      }
      set(&spec, "revisionHistoryLimit", 10)
      set(&spec, "persistentVolumeClaimRetentionPolicy", ["whenDeleted": "Retain", "whenScaled": "Retain"])
    case "jobs.batch":
      applyJobSpec(
        &spec, uid: object[path: ["metadata", "uid"]]?.stringValue,
        name: object[path: ["metadata", "name"]]?.stringValue)
      // A Job without labels of its own shows its pods' labels, as the real defaulting copies them.
      if (object[path: ["metadata", "labels"]]?.objectValue ?? [:]).isEmpty,
        let labels = spec[path: ["template", "metadata", "labels"]]
      {
        object[path: ["metadata", "labels"]] = labels
      }
    default: break
    }
    if var template = spec["template"] {
      PodDefaults.apply(to: &template, isTemplate: true)
      spec["template"] = template
    }
    object["spec"] = spec
  }

  /// A Job without a manual selector gets one on its controller-uid label, stamped on its template
  /// with the job-name labels. Completions default to 1 only when parallelism is not given either:
  /// a parallel Job without completions is a work queue.
  static func applyJobSpec(_ spec: inout JSON, uid: String?, name: String?) {
    let set = PodDefaults.setIfMissing
    if spec["parallelism"] == nil { set(&spec, "completions", 1) }
    set(&spec, "parallelism", 1)
    set(&spec, "backoffLimit", 6)
    set(&spec, "completionMode", "NonIndexed")
    set(&spec, "suspend", false)
    set(&spec, "podReplacementPolicy", "TerminatingOrFailed")
    if let uid, spec["manualSelector"]?.boolValue != true, spec["selector"] == nil {
      spec["selector"] = ["matchLabels": ["batch.kubernetes.io/controller-uid": .string(uid)]]
      var labels = spec[path: ["template", "metadata", "labels"]]?.objectValue ?? [:]
      labels["batch.kubernetes.io/controller-uid"] = .string(uid)
      labels["controller-uid"] = .string(uid)
      if let name {
        labels["batch.kubernetes.io/job-name"] = .string(name)
        labels["job-name"] = .string(name)
      }
      spec[path: ["template", "metadata", "labels"]] = .object(labels)
    }
  }

  static func applyCronJob(to object: inout JSON) {
    var spec = object["spec"] ?? [:]
    let set = PodDefaults.setIfMissing
    set(&spec, "concurrencyPolicy", "Allow")
    set(&spec, "suspend", false)
    set(&spec, "successfulJobsHistoryLimit", 3)
    set(&spec, "failedJobsHistoryLimit", 1)
    if var jobSpec = spec[path: ["jobTemplate", "spec"]] {
      if var template = jobSpec["template"] {
        PodDefaults.apply(to: &template, isTemplate: true)
        jobSpec["template"] = template
      }
      spec[path: ["jobTemplate", "spec"]] = jobSpec
    }
    object["spec"] = spec
  }
}
