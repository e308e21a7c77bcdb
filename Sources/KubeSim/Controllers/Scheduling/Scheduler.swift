import KubeModel

/// The default scheduler: binds each pending pod without a node to the first node that passes
/// every filter, or marks it Unschedulable with a FailedScheduling event saying why. Pods that
/// could not be placed are tried again whenever a node changes or a pod goes away.
final class Scheduler: Controller {
  let cluster: Cluster
  private let events: EventRecorder
  let watchedResources = ["pods", "nodes"]

  init(cluster: Cluster) {
    self.cluster = cluster
    events = EventRecorder(cluster: cluster, component: "default-scheduler")
  }

  func handle(_ event: StoreEvent) {
    if event.resource == "nodes" || event.kind == .deleted {
      for pod in cluster.store.list(resource: "pods", namespace: nil).items where needsNode(pod) {
        schedule(pod, retrying: true)
      }
    } else if let key = podKey(event.object), let pod = cluster.store.get(key), needsNode(pod) {
      schedule(pod, retrying: false)
    }
  }

  private func podKey(_ pod: JSON) -> ObjectKey? {
    guard let name = pod[path: ["metadata", "name"]]?.stringValue else { return nil }
    return ObjectKey(resource: "pods", namespace: pod[path: ["metadata", "namespace"]]?.stringValue ?? "", name: name)
  }

  private func needsNode(_ pod: JSON) -> Bool {
    (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty
      && pod[path: ["metadata", "deletionTimestamp"]] == nil
      && (pod[path: ["spec", "schedulerName"]]?.stringValue ?? "default-scheduler") == "default-scheduler"
      && (pod[path: ["status", "phase"]]?.stringValue ?? "Pending") == "Pending"
  }

  private func schedule(_ pod: JSON, retrying: Bool) {
    guard let key = podKey(pod) else { return }
    let nodes = cluster.store.list(resource: "nodes", namespace: nil).items
    let pods = cluster.store.list(resource: "pods", namespace: nil).items
    var rejections: [[NodeRejection]] = []
    for node in nodes {
      let nodeName = node[path: ["metadata", "name"]]?.stringValue ?? ""
      let podsOnNode = pods.filter { $0[path: ["spec", "nodeName"]]?.stringValue == nodeName }
      let rejected = NodeFit.rejections(pod: pod, node: node, podsOnNode: podsOnNode)
      if rejected.isEmpty {
        guard (try? cluster.bind(namespace: key.namespace, pod: key.name, node: nodeName)) != nil else { return }
        events.record(
          pod, type: "Normal", reason: "Scheduled",
          message: "Successfully assigned \(key.namespace)/\(key.name) to \(nodeName)")
        return
      }
      rejections.append(rejected)
    }
    let message = SchedulingFailureMessage.message(nodeCount: nodes.count, rejections: rejections)
    let condition = pod[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == "PodScheduled" }
    // The pod's own status write comes back as a change; only a new verdict or a retry is news.
    guard retrying || condition?["message"]?.stringValue != message else { return }
    markUnschedulable(key, message: message)
    events.record(pod, type: "Warning", reason: "FailedScheduling", message: message)
  }

  private func markUnschedulable(_ key: ObjectKey, message: String) {
    _ = cluster.store.update(key) { current in
      let previous = current[path: ["status", "conditions"]]?.arrayValue?.first {
        $0["type"]?.stringValue == "PodScheduled"
      }
      if previous?["message"]?.stringValue == message { return nil }
      var marked = current
      var conditions = (current[path: ["status", "conditions"]]?.arrayValue ?? []).filter {
        $0["type"]?.stringValue != "PodScheduled"
      }
      conditions.append([
        "type": "PodScheduled", "status": "False", "lastProbeTime": nil,
        "lastTransitionTime": .string(APITimestamp.string(cluster.now())), "reason": "Unschedulable",
        "message": .string(message),
      ])
      marked[path: ["status", "conditions"]] = .array(conditions)
      return marked
    }
  }
}
