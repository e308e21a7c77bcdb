import Foundation
import KubeModel

/// The ReplicaSet and ReplicationController control loop: keeps `spec.replicas` active pods that
/// match the selector, creating them from the template or deleting the surplus; adopts orphan pods
/// that match and releases owned pods that no longer do; reports the counts in the status.
/// `@unchecked Sendable`: its state is touched only on the cluster's serial queue, which the compiler cannot see.
final class ReplicaSetController: Controller, @unchecked Sendable {
  let cluster: Cluster
  let watchedResources = ["pods", "replicasets.apps", "replicationcontrollers"]
  private let replicaSetEvents: EventRecorder
  private let controllerEvents: EventRecorder
  /// Owners (by uid) with a look already scheduled for when a ready pod becomes available.
  var pendingWakes: Set<String> = []

  init(cluster: Cluster) {
    self.cluster = cluster
    replicaSetEvents = EventRecorder(cluster: cluster, component: "replicaset-controller")
    controllerEvents = EventRecorder(cluster: cluster, component: "replication-controller")
  }

  private var kinds: [ServedResource] {
    [
      cluster.catalog.resource(groupVersion: "apps/v1", plural: "replicasets"),
      cluster.catalog.resource(groupVersion: "v1", plural: "replicationcontrollers"),
    ].compactMap { $0 }
  }

  func handle(_ event: StoreEvent) {
    for kind in kinds {
      for owner in OwnerEvents.owners(of: event, ownerType: kind, childResource: "pods", in: cluster) {
        sync(owner, kind)
      }
    }
  }

  /// ReplicaSets select with a LabelSelector, ReplicationControllers with a plain label map.
  static func selector(of owner: JSON, _ kind: ServedResource) -> LabelSelector {
    let raw = owner[path: ["spec", "selector"]]
    if kind.groupResource == "replicationcontrollers" {
      var labels: [String: String] = [:]
      for (key, value) in raw?.objectValue ?? [:] { labels[key] = value.stringValue ?? "" }
      guard !labels.isEmpty else { return .nothing }
      return (try? LabelSelector(matchLabels: labels)) ?? .nothing
    }
    return (try? LabelSelector(json: raw)) ?? .nothing
  }

  func sync(_ owner: JSON, _ kind: ServedResource) {
    guard owner[path: ["metadata", "deletionTimestamp"]] == nil,
      let uid = owner[path: ["metadata", "uid"]]?.stringValue,
      let namespace = owner[path: ["metadata", "namespace"]]?.stringValue,
      let podsType = cluster.catalog.resource(groupVersion: "v1", plural: "pods")
    else { return }
    let selector = Self.selector(of: owner, kind)
    guard !selector.isEmpty, !selector.matchesNothing else { return }
    let pods = claimPods(owner, uid: uid, selector: selector, namespace: namespace, podsType)
    let active = pods.filter(PodReadiness.isActive)
    let wanted = owner[path: ["spec", "replicas"]]?.intValue ?? 1
    let events = kind.groupResource == "replicationcontrollers" ? controllerEvents : replicaSetEvents
    if active.count < wanted {
      for _ in active.count..<wanted {
        TemplatePod.create(for: owner, namespace: namespace, in: cluster, type: podsType, events: events)
      }
    } else if active.count > wanted {
      for pod in PodDeletionRanking.ordered(active).prefix(active.count - wanted) {
        guard let name = pod[path: ["metadata", "name"]]?.stringValue,
          (try? cluster.delete(podsType, namespace: namespace, name: name)) != nil
        else { continue }
        events.record(owner, type: "Normal", reason: "SuccessfulDelete", message: "Deleted pod: \(name)")
      }
    }
    writeStatus(owner, kind, pods: pods)
  }

  /// The pods this owner controls after adopting matching orphans and releasing owned pods whose
  /// labels no longer match.
  private func claimPods(
    _ owner: JSON, uid: String, selector: LabelSelector, namespace: String, _ podsType: ServedResource
  )
    -> [JSON]
  {
    var claimed: [JSON] = []
    for pod in cluster.list(podsType, namespace: namespace).items {
      guard let name = pod[path: ["metadata", "name"]]?.stringValue else { continue }
      let matches = selector.matches(labels: pod.labelMap)
      let controller = OwnerReferences.controllerUID(of: pod)
      let key = cluster.key(podsType, namespace: namespace, name: name)
      if controller == uid {
        if matches {
          claimed.append(pod)
        } else if pod[path: ["metadata", "deletionTimestamp"]] == nil {
          _ = cluster.store.update(key) { OwnerReferences.releasing($0, from: uid) }
        }
      } else if controller == nil, matches, PodReadiness.isActive(pod) {
        let outcome = cluster.store.update(key) { current in
          OwnerReferences.controllerUID(of: current) == nil ? OwnerReferences.adopting(current, by: owner) : nil
        }
        if case .updated(let adopted) = outcome { claimed.append(adopted) }
      }
    }
    return claimed
  }
}
