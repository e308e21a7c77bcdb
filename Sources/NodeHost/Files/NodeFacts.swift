import Foundation
import KubeModel
import KubeSim

/// What a node's files depend on, read from the cluster: its name, address, role and version,
/// and the mirror pods of its static pods.
struct NodeFacts: Sendable {
  var name: String
  var internalIP: String
  var isControlPlane: Bool
  var kubeletVersion: String
  /// The mirror pods bound to this node whose source is a manifest file.
  var staticPods: [JSON]
  /// The API server's URL as the node reaches it (the sandbox's own, on loopback).
  var serverURL: String
  var podCIDR: String

  init(node: JSON, pods: [JSON], serverURL: String) {
    name = node[path: ["metadata", "name"]]?.stringValue ?? ""
    let addresses = node[path: ["status", "addresses"]]?.arrayValue ?? []
    internalIP =
      addresses.first { $0["type"]?.stringValue == "InternalIP" }?["address"]?.stringValue ?? "127.0.0.1"
    isControlPlane = node[path: ["metadata", "labels", "node-role.kubernetes.io/control-plane"]] != nil
    kubeletVersion = node[path: ["status", "nodeInfo", "kubeletVersion"]]?.stringValue ?? "v1.33.1"
    podCIDR = node[path: ["spec", "podCIDR"]]?.stringValue ?? "10.244.0.0/24"
    let name = name
    staticPods = pods.filter {
      $0[path: ["spec", "nodeName"]]?.stringValue == name
        && $0[path: ["metadata", "annotations", "kubernetes.io/config.source"]]?.stringValue == "file"
    }
    self.serverURL = serverURL
  }
}
