import Foundation
import KubeModel

/// What is installed on a node, and the kubelet restart that makes an installed kubelet the one
/// the node runs and reports.
extension Cluster {
  var nodes: ServedResource { catalog.resource(groupVersion: "v1", plural: "nodes")! }

  /// The release the node's running kubelet reports (`v1.33.1`), from the Node's status.
  public func kubeletVersion(of node: String) -> String? {
    store.get(key(nodes, namespace: nil, name: node))?[path: ["status", "nodeInfo", "kubeletVersion"]]?.stringValue
  }

  /// The node's packages; a node seen for the first time has those of its kubelet's release, held.
  public func packages(on node: String) -> NodePackages.State {
    nodePackages.state(of: node) { initialPackages(node) }
  }

  public func changePackages(on node: String, _ change: (inout NodePackages.State) -> Void) {
    nodePackages.change(node, initial: { initialPackages(node) }, change)
  }

  private func initialPackages(_ node: String) -> NodePackages.State {
    let release = (kubeletVersion(of: node) ?? serverVersion.gitVersion).dropFirst()
    var installed: [String: String] = [:]
    for name in NodePackages.kubernetesPackages { installed[name] = "\(release)-1.1" }
    return NodePackages.State(installed: installed, held: Set(NodePackages.kubernetesPackages))
  }

  /// Restarts the node's kubelet: the kubelet package installed now is the one that runs, so the
  /// Node reports its release (what `kubectl get nodes` shows in VERSION). Called by
  /// `systemctl restart kubelet` and by a kubelet starting after a stop.
  public func restartKubelet(node: String) {
    guard let installed = packages(on: node).installed["kubelet"] else { return }
    let release = "v" + (installed.split(separator: "-").first.map(String.init) ?? installed)
    _ = store.update(key(nodes, namespace: nil, name: node)) { current in
      var next = current
      next[path: ["status", "nodeInfo", "kubeletVersion"]] = .string(release)
      return next
    }
  }
}
