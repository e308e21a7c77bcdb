import KubeModel

/// The defaults the API server fills into a pod, or a pod template of a workload.
enum PodDefaults {
  static func apply(to object: inout JSON, isTemplate: Bool) {
    var spec = object["spec"] ?? [:]
    applySpec(&spec)
    if !isTemplate {
      setIfMissing(&spec, "enableServiceLinks", true)
      setIfMissing(&spec, "preemptionPolicy", "PreemptLowerPriority")
      setIfMissing(&spec, "priority", 0)
      setIfMissing(&spec, "serviceAccountName", "default")
      spec["serviceAccount"] = spec["serviceAccountName"]
      addDefaultTolerations(&spec)
      mountServiceAccountToken(&spec)
      var status = object["status"] ?? [:]
      setIfMissing(&status, "phase", "Pending")
      status["qosClass"] = .string(qosClass(spec))
      object["status"] = status
    }
    object["spec"] = spec
  }

  /// Defaults shared by pods and templates (SetDefaults_PodSpec and SetDefaults_Container).
  static func applySpec(_ spec: inout JSON) {
    for list in ["initContainers", "containers", "ephemeralContainers"] {
      guard let containers = spec[list]?.arrayValue else { continue }
      spec[list] = .array(containers.map(containerDefaults))
    }
    setIfMissing(&spec, "restartPolicy", "Always")
    setIfMissing(&spec, "terminationGracePeriodSeconds", 30)
    setIfMissing(&spec, "dnsPolicy", "ClusterFirst")
    setIfMissing(&spec, "securityContext", [:])
    setIfMissing(&spec, "schedulerName", "default-scheduler")
  }

  static func containerDefaults(_ container: JSON) -> JSON {
    var container = container
    setIfMissing(&container, "resources", [:])
    setIfMissing(&container, "terminationMessagePath", "/dev/termination-log")
    setIfMissing(&container, "terminationMessagePolicy", "File")
    setIfMissing(&container, "imagePullPolicy", .string(pullPolicy(container["image"]?.stringValue ?? "")))
    ProbeDefaults.apply(to: &container)
    if let ports = container["ports"]?.arrayValue {
      container["ports"] = .array(
        ports.map { port in
          var port = port
          setIfMissing(&port, "protocol", "TCP")
          return port
        })
    }
    return container
  }

  /// `latest` or no tag means the image may change, so the kubelet always pulls it.
  static func pullPolicy(_ image: String) -> String {
    let withoutDigest = image.split(separator: "@").first.map(String.init) ?? image
    let lastComponent = withoutDigest.split(separator: "/").last.map(String.init) ?? withoutDigest
    if image.contains("@") { return "IfNotPresent" }
    guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
    return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
  }

  /// The DefaultTolerationSeconds admission plugin: pods survive a node problem for five minutes.
  static func addDefaultTolerations(_ spec: inout JSON) {
    var tolerations = spec["tolerations"]?.arrayValue ?? []
    for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
    where !tolerations.contains(where: { $0["key"]?.stringValue == key && $0["effect"]?.stringValue != "NoSchedule" }) {
      tolerations.append(["effect": "NoExecute", "key": .string(key), "operator": "Exists", "tolerationSeconds": 300])
    }
    spec["tolerations"] = .array(tolerations)
  }

  /// The ServiceAccount admission plugin: a projected token volume mounted into every container.
  static func mountServiceAccountToken(_ spec: inout JSON) {
    if spec["automountServiceAccountToken"]?.boolValue == false { return }
    var volumes = spec["volumes"]?.arrayValue ?? []
    if volumes.contains(where: { $0["name"]?.stringValue?.hasPrefix("kube-api-access-") == true }) { return }
    let name = "kube-api-access-" + NameGenerator.suffix()
    volumes.append([
      "name": .string(name),
      "projected": [
        "defaultMode": 420,
        "sources": [
          ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
          ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
          [
            "downwardAPI": [
              "items": [["path": "namespace", "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"]]]
            ]
          ],
        ],
      ],
    ])
    spec["volumes"] = .array(volumes)
    for list in ["initContainers", "containers"] {
      guard let containers = spec[list]?.arrayValue else { continue }
      spec[list] = .array(
        containers.map { container in
          var container = container
          var mounts = container["volumeMounts"]?.arrayValue ?? []
          mounts.append([
            "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": .string(name), "readOnly": true,
          ])
          container["volumeMounts"] = .array(mounts)
          return container
        })
    }
  }

  /// Guaranteed when every container's requests equal its limits for cpu and memory; BestEffort with none at all.
  static func qosClass(_ spec: JSON) -> String {
    let containers = (spec["initContainers"]?.arrayValue ?? []) + (spec["containers"]?.arrayValue ?? [])
    var anySet = false
    var guaranteed = true
    for container in containers {
      let requests = container[path: ["resources", "requests"]]?.objectValue ?? [:]
      let limits = container[path: ["resources", "limits"]]?.objectValue ?? [:]
      if !requests.isEmpty || !limits.isEmpty { anySet = true }
      for resource in ["cpu", "memory"] {
        guard let limit = limits[resource] else {
          guaranteed = false
          continue
        }
        if let request = requests[resource], request != limit { guaranteed = false }
      }
    }
    if !anySet { return "BestEffort" }
    return guaranteed ? "Guaranteed" : "Burstable"
  }

  static func setIfMissing(_ object: inout JSON, _ key: String, _ value: JSON) {
    if object[key] == nil || object[key] == .null { object[key] = value }
  }
}
