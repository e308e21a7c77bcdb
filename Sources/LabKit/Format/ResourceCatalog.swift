/// The resources a kubeadm cluster (Kubernetes 1.27–1.33) serves, so that lab files can be checked
/// without a cluster and checks can later be turned into REST paths without discovery.
///
/// A Swift table rather than a JSON resource: LabKit declares no bundled resources, the table is
/// type-checked, and lookups need no file I/O that could fail at grading time.
public enum ResourceCatalog {
  public static let builtIn: [ResourceType] = [
    core("Pod", "pods", ["po"]),
    core("Service", "services", ["svc"]),
    core("ConfigMap", "configmaps", ["cm"]),
    core("Secret", "secrets"),
    core("Namespace", "namespaces", ["ns"], namespaced: false),
    core("Node", "nodes", ["no"], namespaced: false),
    core("PersistentVolume", "persistentvolumes", ["pv"], namespaced: false),
    core("PersistentVolumeClaim", "persistentvolumeclaims", ["pvc"]),
    core("ServiceAccount", "serviceaccounts", ["sa"]),
    core("Endpoints", "endpoints", ["ep"]),
    core("Event", "events", ["ev"]),
    core("LimitRange", "limitranges", ["limits"]),
    core("ResourceQuota", "resourcequotas", ["quota"]),
    core("ReplicationController", "replicationcontrollers", ["rc"]),
    core("PodTemplate", "podtemplates"),
    core("ComponentStatus", "componentstatuses", ["cs"], namespaced: false),
    api("apps", "Deployment", "deployments", ["deploy"]),
    api("apps", "ReplicaSet", "replicasets", ["rs"]),
    api("apps", "DaemonSet", "daemonsets", ["ds"]),
    api("apps", "StatefulSet", "statefulsets", ["sts"]),
    api("apps", "ControllerRevision", "controllerrevisions"),
    api("batch", "Job", "jobs"),
    api("batch", "CronJob", "cronjobs", ["cj"]),
    api("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", ["hpa"], version: "v2"),
    api("networking.k8s.io", "NetworkPolicy", "networkpolicies", ["netpol"]),
    api("networking.k8s.io", "Ingress", "ingresses", ["ing"]),
    api("networking.k8s.io", "IngressClass", "ingressclasses", namespaced: false),
    api("policy", "PodDisruptionBudget", "poddisruptionbudgets", ["pdb"]),
    api("rbac.authorization.k8s.io", "Role", "roles"),
    api("rbac.authorization.k8s.io", "RoleBinding", "rolebindings"),
    api("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", namespaced: false),
    api("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", namespaced: false),
    api("storage.k8s.io", "StorageClass", "storageclasses", ["sc"], namespaced: false),
    api("storage.k8s.io", "VolumeAttachment", "volumeattachments", namespaced: false),
    api("storage.k8s.io", "CSIDriver", "csidrivers", namespaced: false),
    api("storage.k8s.io", "CSINode", "csinodes", namespaced: false),
    api("storage.k8s.io", "CSIStorageCapacity", "csistoragecapacities"),
    api("scheduling.k8s.io", "PriorityClass", "priorityclasses", ["pc"], namespaced: false),
    api("coordination.k8s.io", "Lease", "leases"),
    api("discovery.k8s.io", "EndpointSlice", "endpointslices"),
    api("node.k8s.io", "RuntimeClass", "runtimeclasses", namespaced: false),
    api("certificates.k8s.io", "CertificateSigningRequest", "certificatesigningrequests", ["csr"], namespaced: false),
    api(
      "apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", ["crd", "crds"],
      namespaced: false),
    api("apiregistration.k8s.io", "APIService", "apiservices", namespaced: false),
    api(
      "admissionregistration.k8s.io", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations",
      namespaced: false),
    api(
      "admissionregistration.k8s.io", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations",
      namespaced: false),
    api("flowcontrol.apiserver.k8s.io", "FlowSchema", "flowschemas", namespaced: false),
    api(
      "flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration", "prioritylevelconfigurations",
      namespaced: false),
  ]

  /// The resource a name denotes, as kubectl resolves `kubectl get <name>`: plural, singular, kind
  /// or short name, case-insensitively, optionally qualified by its group (`deployments.apps`).
  public static func resolve(_ name: String) -> ResourceType? {
    let lowered = name.lowercased()
    if let match = builtIn.first(where: { $0.names.contains { $0.lowercased() == lowered } }) { return match }
    guard let dot = lowered.firstIndex(of: ".") else { return nil }
    let (base, group) = (lowered[..<dot], lowered[lowered.index(after: dot)...])
    return builtIn.first { $0.group == group && $0.names.contains { $0.lowercased() == base } }
  }

  /// Every accepted spelling, for "did you mean" suggestions.
  static var allNames: [String] { builtIn.flatMap { [$0.plural, $0.singular] + $0.shortNames } }

  private static func core(
    _ kind: String, _ plural: String, _ shortNames: [String] = [], namespaced: Bool = true
  ) -> ResourceType {
    ResourceType(group: "", version: "v1", kind: kind, plural: plural, shortNames: shortNames, namespaced: namespaced)
  }

  private static func api(
    _ group: String, _ kind: String, _ plural: String, _ shortNames: [String] = [], version: String = "v1",
    namespaced: Bool = true
  ) -> ResourceType {
    ResourceType(
      group: group, version: version, kind: kind, plural: plural, shortNames: shortNames, namespaced: namespaced)
  }
}
