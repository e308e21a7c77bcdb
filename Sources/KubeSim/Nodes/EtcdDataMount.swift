import Foundation
import KubeModel

/// Where a node's etcd keeps its data, followed as the kubelet starts etcd: the manifest's
/// `--data-dir` inside the container, on the host behind the hostPath volume mounted there. When
/// an edit of the manifest moves it (the exam's restore: `etcdutl snapshot restore … --data-dir
/// DIR`, then the `etcd-data` hostPath pointed at DIR), the etcd that stops leaves the cluster in
/// its old folder and the one that starts serves what the new folder holds: the restored
/// snapshot, or an empty cluster where the folder has no member.
final class EtcdDataMount {
  private let cluster: Cluster
  private let trees: NodeTrees
  /// Per node, the node path etcd's data lives at now.
  private var current: [String: String] = [:]

  init(cluster: Cluster, trees: NodeTrees) {
    self.cluster = cluster
    self.trees = trees
  }

  /// Looks at an etcd pod about to run on `node`; moves the cluster when its data folder changed.
  /// Returns whether it did. On the cluster's queue.
  @discardableResult
  func follow(_ pod: JSON, node: String) -> Bool {
    guard ControlPlaneHealth.component(of: pod) == .etcd, let folder = Self.hostFolder(of: pod) else { return false }
    let previous = current[node]
    current[node] = folder
    // The first manifest seen is the etcd the sandbox booted with: the cluster is its data.
    guard let previous, previous != folder else { return false }
    let old = EtcdDataDirectory(trees.hostPath(previous, on: node))
    try? old.write(cluster.etcdSnapshot())
    let new = EtcdDataDirectory(trees.hostPath(folder, on: node))
    cluster.restore(from: (try? new.snapshot()) ?? emptyCluster())
    return true
  }

  /// The node folder behind the data directory: the hostPath of the volume mounted at (or above)
  /// `--data-dir`. Without such a mount the data lives in the container and starts empty, which
  /// `/var/lib/kubelab-no-etcd-mount` (never made) stands for.
  static func hostFolder(of pod: JSON) -> String? {
    guard let container = pod[path: ["spec", "containers"]]?.arrayValue?.first else { return nil }
    let flags = (container["command"]?.arrayValue ?? []).compactMap(\.stringValue)
    guard let flag = flags.first(where: { $0.hasPrefix("--data-dir=") }) else { return nil }
    let dataDir = String(flag.dropFirst("--data-dir=".count))
    let mounts = (container["volumeMounts"]?.arrayValue ?? []).compactMap { mount -> (String, String)? in
      guard let path = mount["mountPath"]?.stringValue, let name = mount["name"]?.stringValue else { return nil }
      return (path.hasSuffix("/") ? String(path.dropLast()) : path, name)
    }
    guard
      let mount = mounts.filter({ dataDir == $0.0 || dataDir.hasPrefix($0.0 + "/") }).max(by: {
        $0.0.count < $1.0.count
      }),
      let volume = pod[path: ["spec", "volumes"]]?.arrayValue?.first(where: { $0["name"]?.stringValue == mount.1 }),
      let hostPath = volume[path: ["hostPath", "path"]]?.stringValue
    else { return "/var/lib/kubelab-no-etcd-mount" }
    return hostPath + dataDir.dropFirst(mount.0.count)
  }

  /// What an etcd started on an empty folder serves once the control plane is back: the nodes
  /// (their kubelets register again) and the namespaces the API server makes at start.
  private func emptyCluster() -> EtcdSnapshot {
    let kept = cluster.etcdSnapshot().objects.filter { stored in
      stored.key.resource == "nodes"
        || (stored.key.resource == "namespaces"
          && ["default", "kube-system", "kube-public", "kube-node-lease"].contains(stored.key.name))
    }
    return EtcdSnapshot(revision: cluster.store.resourceVersion, objects: kept, keyValues: [:])
  }
}
