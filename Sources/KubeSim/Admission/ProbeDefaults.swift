import KubeModel

/// The defaults the API server fills into a container's probes (SetDefaults_Probe and
/// SetDefaults_HTTPGetAction), which `kubectl describe` prints on its Liveness/Readiness lines.
enum ProbeDefaults {
  static let fields = ["livenessProbe", "readinessProbe", "startupProbe"]

  static func apply(to container: inout JSON) {
    for field in fields {
      guard var probe = container[field], probe.objectValue != nil else { continue }
      PodDefaults.setIfMissing(&probe, "timeoutSeconds", 1)
      PodDefaults.setIfMissing(&probe, "periodSeconds", 10)
      PodDefaults.setIfMissing(&probe, "successThreshold", 1)
      PodDefaults.setIfMissing(&probe, "failureThreshold", 3)
      if var get = probe["httpGet"], get.objectValue != nil {
        if (get["path"]?.stringValue ?? "").isEmpty { get["path"] = "/" }
        PodDefaults.setIfMissing(&get, "scheme", "HTTP")
        probe["httpGet"] = get
      }
      container[field] = probe
    }
  }
}
