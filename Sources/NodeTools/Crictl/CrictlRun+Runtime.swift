import Foundation
import KubeModel

/// `crictl info` and `crictl version`: the runtime's own state.
extension CrictlRun {
  /// The containerd release the Node reports (`containerd://1.7.27`), as `v1.7.27`.
  var runtimeVersion: String {
    let nodes = node.cluster.catalog.resource(groupVersion: "v1", plural: "nodes")
    let reported = nodes.flatMap { try? node.cluster.get($0, namespace: nil, name: node.name) }?[
      path: ["status", "nodeInfo", "containerRuntimeVersion"]]?.stringValue
    return "v" + (reported?.components(separatedBy: "://").last ?? "1.7.27")
  }

  func version() async -> Int32 {
    guard await connect(runtime: true, image: false) else { return 1 }
    await output.out(
      "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  \(runtimeVersion)\nRuntimeApiVersion:  v1\n")
    return 0
  }

  func info() async -> Int32 {
    guard await connect(runtime: true, image: false) else { return 1 }
    // NetworkReady follows the CNI configuration on the node, as containerd's CRI plugin reads it.
    let networks = node.listFolder("/etc/cni/net.d").filter { $0.hasSuffix(".conflist") || $0.hasSuffix(".conf") }
    let cniConfigs: [JSON] = networks.compactMap { name in
      guard let text = node.readText("/etc/cni/net.d/\(name)") else { return nil }
      return ["Config": (try? JSON(parsing: text)) ?? [:], "Source": .string(text)]
    }
    func condition(_ type: String, _ ready: Bool, reason: String = "", message: String = "") -> JSON {
      ["type": .string(type), "status": .bool(ready), "reason": .string(reason), "message": .string(message)]
    }
    let networkReady =
      networks.isEmpty
      ? condition(
        "NetworkReady", false, reason: "NetworkPluginNotReady",
        message: "Network plugin returns error: cni plugin not initialized")
      : condition("NetworkReady", true)
    let loadStatus: JSON = networks.isEmpty ? "cni config load failed: no network config found in /etc/cni/net.d" : "OK"
    let info: JSON = [
      "cniconfig": [
        "Networks": [
          ["Config": ["Name": "cni-loopback", "CNIVersion": "0.3.1"], "IFName": "lo"],
          ["Config": .array(cniConfigs), "IFName": "eth0"],
        ],
        "PluginConfDir": "/etc/cni/net.d", "PluginDirs": ["/opt/cni/bin"], "PluginMaxConfNum": 1,
        "Prefix": "eth",
      ],
      "config": [
        "containerd": ["defaultRuntimeName": "runc", "snapshotter": "overlayfs"],
        "cni": ["binDir": "/opt/cni/bin", "confDir": "/etc/cni/net.d"],
        "sandboxImage": "registry.k8s.io/pause:3.8", "rootDir": "/var/lib/containerd/io.containerd.grpc.v1.cri",
        "stateDir": "/run/containerd/io.containerd.grpc.v1.cri",
        "containerdEndpoint": "/run/containerd/containerd.sock",
      ],
      "golang": "go1.23.8",
      "lastCNILoadStatus": loadStatus,
      "lastCNILoadStatus.default": loadStatus,
      "status": [
        "conditions": [
          condition("RuntimeReady", true), networkReady, condition("ContainerdHasNoDeprecationWarnings", true),
        ]
      ],
    ]
    await output.out(info.prettyPrinted(indent: 2) + "\n")
    return 0
  }
}
