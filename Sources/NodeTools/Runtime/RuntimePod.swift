import Crypto
import Foundation
import KubeModel
import KubeSim

/// A pod sandbox in the node's containerd, as the CRI reports it: one per pod the node runs.
struct RuntimePod {
  /// The sandbox ID (64 hex), stable for the pod's uid.
  var id: String
  var name: String
  var namespace: String
  var uid: String
  var createdAt: Date
  var isReady: Bool
  var labels: [String: String]
  var annotations: [String: String]
  var hostNetwork: Bool
  var ip: String

  init(_ pod: JSON) {
    uid = pod[path: ["metadata", "uid"]]?.stringValue ?? ""
    id = PodSandboxID.of(podUID: uid)
    name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
    namespace = pod[path: ["metadata", "namespace"]]?.stringValue ?? ""
    let started =
      pod[path: ["status", "startTime"]]?.stringValue ?? pod[path: ["metadata", "creationTimestamp"]]?.stringValue
    createdAt = started.flatMap { APITimestamp.date($0) } ?? Date(timeIntervalSince1970: 0)
    let phase = pod[path: ["status", "phase"]]?.stringValue ?? "Pending"
    isReady = (phase == "Running" || phase == "Pending") && pod[path: ["metadata", "deletionTimestamp"]] == nil
    func strings(_ field: String) -> [String: String] {
      var values: [String: String] = [:]
      for (key, value) in pod[path: ["metadata", field]]?.objectValue ?? [:] { values[key] = value.stringValue }
      return values
    }
    // The kubelet labels every sandbox with the pod's identity, as containerd shows it.
    labels = strings("labels").merging(
      [
        "io.kubernetes.pod.name": name, "io.kubernetes.pod.namespace": namespace, "io.kubernetes.pod.uid": uid,
      ]
    ) { _, kubelet in kubelet }
    annotations = strings("annotations")
    hostNetwork = pod[path: ["spec", "hostNetwork"]]?.boolValue ?? false
    ip = pod[path: ["status", "podIP"]]?.stringValue ?? ""
  }

  /// `/var/log/pods/<namespace>_<name>_<uid>`: where the kubelet keeps the pod's container logs.
  var logDirectory: String { "/var/log/pods/\(namespace)_\(name)_\(uid)" }

  static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}
