import KubeModel

/// The annotations a Deployment and its ReplicaSets carry: the revision of each template, and the
/// desired and maximal replica counts a ReplicaSet was last scaled for.
enum DeploymentAnnotations {
  static let revision = "deployment.kubernetes.io/revision"
  static let desiredReplicas = "deployment.kubernetes.io/desired-replicas"
  static let maxReplicas = "deployment.kubernetes.io/max-replicas"
  /// What kubectl keeps for itself and the controller does not copy from a Deployment to its ReplicaSets.
  static let notCopied: Set<String> = [
    revision, desiredReplicas, maxReplicas, "kubectl.kubernetes.io/last-applied-configuration",
  ]

  static func revision(of object: JSON) -> Int {
    object[path: ["metadata", "annotations", revision]]?.stringValue.flatMap { Int($0) } ?? 0
  }

  /// The Deployment's own annotations that its ReplicaSets carry too (a change-cause, for history).
  static func copied(from deployment: JSON) -> JSONObject {
    (deployment[path: ["metadata", "annotations"]]?.objectValue ?? [:]).filter { !notCopied.contains($0.key) }
  }
}
