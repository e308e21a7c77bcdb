import KubeModel

/// The DaemonSet controller: one pod of each DaemonSet on every node whose labels and taints the
/// pod template accepts, pinned there by node affinity as the real controller pins it, and a
/// status counting them. Any change to a DaemonSet, a pod or a node makes it look again.
final class DaemonSetController: Controller {
  let cluster: Cluster
  let watchedResources = ["daemonsets.apps", "pods", "nodes"]

  /// The tolerations the real controller adds to every daemon pod, in its order; host-network
  /// pods also tolerate a node whose network is not up yet.
  static let defaultTolerations: [JSON] = [
    toleration("node.kubernetes.io/not-ready", "NoExecute"),
    toleration("node.kubernetes.io/unreachable", "NoExecute"),
    toleration("node.kubernetes.io/disk-pressure", "NoSchedule"),
    toleration("node.kubernetes.io/memory-pressure", "NoSchedule"),
    toleration("node.kubernetes.io/pid-pressure", "NoSchedule"),
    toleration("node.kubernetes.io/unschedulable", "NoSchedule"),
  ]
  static let hostNetworkToleration = toleration("node.kubernetes.io/network-unavailable", "NoSchedule")

  private static func toleration(_ key: String, _ effect: String) -> JSON {
    ["effect": .string(effect), "key": .string(key), "operator": "Exists"]
  }

  init(cluster: Cluster) {
    self.cluster = cluster
  }

  private var daemonSets: ServedResource? { cluster.catalog.resource(groupVersion: "apps/v1", plural: "daemonsets") }
  private var pods: ServedResource? { cluster.catalog.resource(groupVersion: "v1", plural: "pods") }

  func handle(_ event: StoreEvent) {
    guard let daemonSets else { return }
    for daemonSet in cluster.list(daemonSets, namespace: nil).items
    where daemonSet[path: ["metadata", "deletionTimestamp"]] == nil {
      reconcile(daemonSet)
    }
  }

  private func reconcile(_ daemonSet: JSON) {
    guard let pods, let namespace = daemonSet[path: ["metadata", "namespace"]]?.stringValue,
      let uid = daemonSet[path: ["metadata", "uid"]]?.stringValue
    else { return }
    let nodes = cluster.store.list(resource: "nodes", namespace: nil).items.compactMap { node in
      node[path: ["metadata", "name"]]?.stringValue.map { ($0, node) }
    }
    let owned = cluster.list(pods, namespace: namespace).items.filter {
      $0[path: ["metadata", "deletionTimestamp"]] == nil
        && ($0[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains {
          $0["uid"]?.stringValue == uid && $0["controller"]?.boolValue == true
        }
    }
    var podsByNode: [String: [JSON]] = [:]
    for pod in owned { podsByNode[Self.targetNode(of: pod), default: []].append(pod) }
    var eligible: Set<String> = []
    for (name, node) in nodes where Self.accepts(daemonPod(daemonSet, node: name), node: node) {
      eligible.insert(name)
      if podsByNode[name, default: []].isEmpty { create(daemonSet, node: name) }
    }
    for (node, podsOnNode) in podsByNode {
      // A node that no longer accepts the pod loses it; a node never keeps more than one.
      for pod in podsOnNode.dropFirst(eligible.contains(node) ? 1 : 0) {
        if let name = pod[path: ["metadata", "name"]]?.stringValue {
          _ = try? cluster.delete(pods, namespace: namespace, name: name)
        }
      }
    }
    writeStatus(daemonSet, eligible: eligible, podsByNode: podsByNode)
  }

  /// Whether the node's labels and taints let the daemon pod run there, judged by the scheduler's
  /// own filters.
  static func accepts(_ pod: JSON, node: JSON) -> Bool {
    NodeSelectorMatching.matches(pod: pod, node: node) && TaintToleration.untoleratedTaint(pod: pod, node: node) == nil
  }

  /// The node a daemon pod is bound or pinned to.
  static func targetNode(of pod: JSON) -> String {
    if let node = pod[path: ["spec", "nodeName"]]?.stringValue, !node.isEmpty { return node }
    let terms =
      pod[path: ["spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]]?[
        "nodeSelectorTerms"]?.arrayValue ?? []
    let field = terms.first?["matchFields"]?.arrayValue?.first { $0["key"]?.stringValue == "metadata.name" }
    return field?["values"]?.arrayValue?.first?.stringValue ?? ""
  }

  /// The pod the DaemonSet runs on `node`: its template, the node pinned as a required
  /// node-affinity term (replacing the template's required terms, keeping its preferences),
  /// and the default tolerations.
  func daemonPod(_ daemonSet: JSON, node: String) -> JSON {
    let name = daemonSet[path: ["metadata", "name"]]?.stringValue ?? ""
    let generation = daemonSet[path: ["metadata", "generation"]]?.intValue ?? 1
    var pod: JSON = ["apiVersion": "v1", "kind": "Pod"]
    var metadata = daemonSet[path: ["spec", "template", "metadata"]]?.objectValue ?? [:]
    metadata["name"] = nil
    metadata["generateName"] = .string(name + "-")
    var labels = metadata["labels"]?.objectValue ?? [:]
    labels["pod-template-generation"] = .string(String(generation))
    metadata["labels"] = .object(labels)
    metadata["ownerReferences"] = [
      [
        "apiVersion": "apps/v1", "kind": "DaemonSet", "name": .string(name),
        "uid": daemonSet[path: ["metadata", "uid"]] ?? "", "controller": true, "blockOwnerDeletion": true,
      ]
    ]
    pod["metadata"] = .object(metadata)
    var spec = daemonSet[path: ["spec", "template", "spec"]] ?? [:]
    spec[path: ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]] = [
      "nodeSelectorTerms": [
        ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]
      ]
    ]
    var tolerations = spec["tolerations"]?.arrayValue ?? []
    let wanted =
      Self.defaultTolerations + (spec["hostNetwork"]?.boolValue == true ? [Self.hostNetworkToleration] : [])
    for toleration in wanted where !tolerations.contains(toleration) { tolerations.append(toleration) }
    spec["tolerations"] = .array(tolerations)
    pod["spec"] = spec
    return pod
  }

  private func create(_ daemonSet: JSON, node: String) {
    guard let pods, let namespace = daemonSet[path: ["metadata", "namespace"]]?.stringValue else { return }
    _ = try? cluster.create(pods, namespace: namespace, object: daemonPod(daemonSet, node: node))
  }

  private func writeStatus(_ daemonSet: JSON, eligible: Set<String>, podsByNode: [String: [JSON]]) {
    guard let daemonSets, let name = daemonSet[path: ["metadata", "name"]]?.stringValue else { return }
    let scheduled = eligible.filter { !(podsByNode[$0] ?? []).isEmpty }
    let ready = scheduled.filter { node in (podsByNode[node] ?? []).contains(where: Self.isReady) }.count
    let misscheduled = podsByNode.keys.filter { !eligible.contains($0) }.count
    var status: JSONObject = [
      "currentNumberScheduled": .int(scheduled.count), "desiredNumberScheduled": .int(eligible.count),
      "numberAvailable": .int(ready), "numberMisscheduled": .int(misscheduled), "numberReady": .int(ready),
      "observedGeneration": daemonSet[path: ["metadata", "generation"]] ?? 1,
      "updatedNumberScheduled": .int(scheduled.count),
    ]
    if eligible.count > ready { status["numberUnavailable"] = .int(eligible.count - ready) }
    let key = cluster.key(daemonSets, namespace: daemonSet[path: ["metadata", "namespace"]]?.stringValue, name: name)
    // The store leaves an identical object alone, so an unchanged status writes nothing.
    _ = cluster.store.update(key) { current in
      var updated = current
      updated["status"] = .object(status)
      return updated
    }
  }

  static func isReady(_ pod: JSON) -> Bool {
    (pod[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
      $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
    }
  }
}
