import Foundation
import KubeModel
import KubeSim

/// What the node's containerd holds, read from the cluster: a sandbox for every pod bound to the
/// node (static pods' mirrors included) and their containers, with the IDs the pods' status gives.
struct NodeRuntime {
  let pods: [RuntimePod]
  let containers: [RuntimeContainer]

  init(node: String, cluster: Cluster) {
    guard let resource = cluster.catalog.resource(groupVersion: "v1", plural: "pods") else {
      pods = []
      containers = []
      return
    }
    let bound = cluster.list(resource, namespace: nil).items.filter {
      $0[path: ["spec", "nodeName"]]?.stringValue == node && $0[path: ["status", "startTime"]] != nil
    }
    var pods: [RuntimePod] = []
    var containers: [RuntimeContainer] = []
    for pod in bound {
      let sandbox = RuntimePod(pod)
      pods.append(sandbox)
      for (specField, statusField) in [
        ("initContainers", "initContainerStatuses"), ("containers", "containerStatuses"),
      ] {
        let specs = pod[path: ["spec", specField]]?.arrayValue ?? []
        for status in pod[path: ["status", statusField]]?.arrayValue ?? [] {
          let spec = specs.first { $0["name"] == status["name"] } ?? [:]
          containers += RuntimeContainer.from(status: status, spec: spec, pod: sandbox)
        }
      }
    }
    // The CRI lists newest first.
    self.pods = pods.sorted { $0.createdAt > $1.createdAt }
    self.containers = containers.sorted { $0.createdAt > $1.createdAt }
  }

  /// The container an ID or a unique prefix of one names.
  func container(_ reference: String) -> RuntimeContainer? {
    let matching = containers.filter { $0.id.hasPrefix(reference) }
    return matching.count == 1 || matching.first?.id == reference ? matching.first : nil
  }

  func pod(_ reference: String) -> RuntimePod? {
    let matching = pods.filter { $0.id.hasPrefix(reference) }
    return matching.count == 1 ? matching.first : nil
  }
}
