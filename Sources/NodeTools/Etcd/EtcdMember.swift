import Crypto
import Foundation
import KubeModel
import KubeSim

/// One member of the cluster's stacked etcd: the etcd static pod of a control-plane node, with the
/// addresses and certificate files its flags give.
struct EtcdMember {
  /// The node the member runs on.
  var node: String
  var name: String
  var ip: String
  var clientURLs: [String]
  var certFile: String
  var trustedCAFile: String
  var isRunning: Bool

  /// The member ID etcd derives from the member's peer URLs and cluster: stable per node here.
  var id: String {
    SHA256.hash(data: Data("etcd-member/\(name)".utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
  }

  var peerURL: String { "https://\(ip):2380" }
  var advertisedClientURL: String { "https://\(ip):2379" }

  /// The members, one per etcd pod, in member ID order as `member list` gives them.
  static func all(in cluster: Cluster) -> [EtcdMember] {
    guard let pods = cluster.catalog.resource(groupVersion: "v1", plural: "pods") else { return [] }
    let etcdPods = cluster.list(pods, namespace: "kube-system").items.filter {
      $0[path: ["metadata", "labels", "component"]]?.stringValue == "etcd"
    }
    return etcdPods.compactMap { pod -> EtcdMember? in
      guard let node = pod[path: ["spec", "nodeName"]]?.stringValue else { return nil }
      let command = (pod[path: ["spec", "containers"]]?.arrayValue?.first?["command"]?.arrayValue ?? [])
        .compactMap(\.stringValue)
      func flag(_ name: String) -> String? {
        command.first { $0.hasPrefix("--\(name)=") }.map { String($0.dropFirst(name.count + 3)) }
      }
      let ip = pod[path: ["status", "hostIP"]]?.stringValue ?? ""
      let running = pod[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: ["state", "running"]] != nil
      return EtcdMember(
        node: node, name: flag("name") ?? node, ip: ip,
        clientURLs: (flag("listen-client-urls") ?? "https://127.0.0.1:2379,https://\(ip):2379")
          .split(separator: ",").map(String.init),
        certFile: flag("cert-file") ?? "/etc/kubernetes/pki/etcd/server.crt",
        trustedCAFile: flag("trusted-ca-file") ?? "/etc/kubernetes/pki/etcd/ca.crt",
        isRunning: running && pod[path: ["metadata", "deletionTimestamp"]] == nil)
    }.sorted { $0.id < $1.id }
  }
}
