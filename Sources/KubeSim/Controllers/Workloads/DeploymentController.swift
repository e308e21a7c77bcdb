import Foundation
import KubeModel

/// The Deployment control loop: one ReplicaSet per pod template (named by its hash), revisions
/// numbered per template, a rolling or recreate rollout between them, history trimmed to
/// `revisionHistoryLimit`, and the status and conditions `kubectl rollout status` waits on.
final class DeploymentController: Controller {
  let cluster: Cluster
  let watchedResources = ["deployments.apps", "replicasets.apps"]
  let events: EventRecorder

  init(cluster: Cluster) {
    self.cluster = cluster
    events = EventRecorder(cluster: cluster, component: "deployment-controller")
  }

  var deployments: ServedResource? { cluster.catalog.resource(groupVersion: "apps/v1", plural: "deployments") }
  var replicaSets: ServedResource? { cluster.catalog.resource(groupVersion: "apps/v1", plural: "replicasets") }

  func handle(_ event: StoreEvent) {
    guard let deployments else { return }
    let owners = OwnerEvents.owners(
      of: event, ownerType: deployments, childResource: "replicasets.apps", in: cluster)
    for deployment in owners { sync(deployment) }
  }

  func sync(_ deployment: JSON) {
    guard deployment[path: ["metadata", "deletionTimestamp"]] == nil,
      let uid = deployment[path: ["metadata", "uid"]]?.stringValue,
      let namespace = deployment[path: ["metadata", "namespace"]]?.stringValue,
      let replicaSets,
      let selector = try? LabelSelector(json: deployment[path: ["spec", "selector"]]),
      !selector.isEmpty, !selector.matchesNothing
    else { return }
    let owned = claimReplicaSets(deployment, uid: uid, selector: selector, namespace: namespace, replicaSets)
    let template = PodTemplateHash.withoutHashLabel(deployment[path: ["spec", "template"]])
    let current = owned.filter {
      PodTemplateHash.withoutHashLabel($0[path: ["spec", "template"]]).isSemanticallyEqual(to: template)
    }.min { creation($0) < creation($1) }
    var rollout = Rollout(
      deployment: deployment, newReplicaSet: current,
      oldReplicaSets: owned.filter { $0[path: ["metadata", "uid"]] != current?[path: ["metadata", "uid"]] })
    if deployment[path: ["spec", "paused"]]?.boolValue != true {
      roll(&rollout)
      if rollout.isComplete { trimHistory(rollout) }
    }
    writeStatus(rollout)
  }

  func creation(_ object: JSON) -> String {
    object[path: ["metadata", "creationTimestamp"]]?.stringValue ?? ""
  }

  /// The ReplicaSets this Deployment controls after adopting matching orphans and releasing owned
  /// ones whose labels no longer match.
  private func claimReplicaSets(
    _ deployment: JSON, uid: String, selector: LabelSelector, namespace: String, _ replicaSets: ServedResource
  ) -> [JSON] {
    var claimed: [JSON] = []
    for replicaSet in cluster.list(replicaSets, namespace: namespace).items {
      guard let name = replicaSet[path: ["metadata", "name"]]?.stringValue,
        replicaSet[path: ["metadata", "deletionTimestamp"]] == nil
      else { continue }
      let matches = selector.matches(labels: replicaSet.labelMap)
      let controller = OwnerReferences.controllerUID(of: replicaSet)
      let key = cluster.key(replicaSets, namespace: namespace, name: name)
      if controller == uid {
        if matches {
          claimed.append(replicaSet)
        } else {
          _ = cluster.store.update(key) { OwnerReferences.releasing($0, from: uid) }
        }
      } else if controller == nil, matches {
        let outcome = cluster.store.update(key) { current in
          OwnerReferences.controllerUID(of: current) == nil ? OwnerReferences.adopting(current, by: deployment) : nil
        }
        if case .updated(let adopted) = outcome { claimed.append(adopted) }
      }
    }
    return claimed
  }

  /// Deletes the oldest fully scaled-down ReplicaSets beyond `revisionHistoryLimit`.
  private func trimHistory(_ rollout: Rollout) {
    guard let replicaSets, let limit = rollout.deployment[path: ["spec", "revisionHistoryLimit"]]?.intValue else {
      return
    }
    let idle = rollout.oldReplicaSets.filter { Rollout.specReplicas($0) == 0 && Rollout.count($0, "replicas") == 0 }
      .sorted { DeploymentAnnotations.revision(of: $0) < DeploymentAnnotations.revision(of: $1) }
    for replicaSet in idle.prefix(max(0, idle.count - limit)) {
      guard let name = replicaSet[path: ["metadata", "name"]]?.stringValue else { continue }
      _ = try? cluster.delete(
        replicaSets, namespace: replicaSet[path: ["metadata", "namespace"]]?.stringValue, name: name)
    }
  }
}
