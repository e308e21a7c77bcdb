import Foundation
import KubeModel
import KubeSim
import NodeTools
import Synchronization
import TestSupport

/// A sandbox cluster (topology loaded, controllers running) and one node's tree with the files a
/// kubeadm node has, on which tests run node tools in-process and read what they print.
final class NodeFixture: Sendable {
  let sandbox: Sandbox
  let tree: URL
  let node: String
  /// The cluster's time, moved by the test only.
  let clock = ManualClock()

  var cluster: Cluster { sandbox.cluster }

  init(topology: String = "kubeadm", node: String = "controlplane", controlPlane: Bool = true) throws {
    sandbox = try Sandbox(options: .init(topology: topology, tls: false, clock: clock))
    self.node = node
    tree = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-node-\(UUID().uuidString)")
    let ip =
      cluster.store.get(ObjectKey(resource: "nodes", namespace: "", name: node))?[path: ["status", "addresses"]]?
      .arrayValue?.first?["address"]?.stringValue ?? "192.168.100.10"
    // Certificates made when the sandbox's cluster was set up, ten minutes before it started.
    var files = controlPlane ? try NodePKI.controlPlaneFiles(ip: ip, now: Date() - 600) : [:]
    files["etc/cni/net.d/10-flannel.conflist"] = #"{"name": "cbr0", "cniVersion": "0.3.1", "plugins": []}"#
    files["etc/apt/sources.list.d/kubernetes.list"] =
      "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.33/deb/ /\n"
    files["root/.keep"] = ""
    files["opt/cni/bin/.keep"] = ""
    for (path, contents) in files { try write(contents, to: path) }
  }

  deinit {
    sandbox.shutdown()
    try? FileManager.default.removeItem(at: tree)
  }

  /// Writes a file of the node (path inside the node, without the leading slash).
  func write(_ contents: String, to path: String) throws {
    let url = tree.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: url)
  }

  func read(_ path: String) -> String? {
    try? String(contentsOf: tree.appendingPathComponent(path), encoding: .utf8)
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a command line (split on spaces) through the standard toolbox, as the node shell would.
  func run(_ line: String, environment: [String: String] = [:], input: String? = nil) async -> Result {
    let words = line.split(separator: " ").map(String.init)
    let collected = Collected()
    let output = NodeToolOutput { stream, data in collected.append(stream, data) }
    let invocation = NodeToolInvocation(
      name: words[0], arguments: Array(words.dropFirst()), environment: environment, directory: "/root",
      input: input.map { Data($0.utf8) })
    let status = await NodeToolbox.standard.run(
      invocation, on: NodeContext(name: node, cluster: cluster, tree: tree), output: output)
    return Result(status: status, stdout: collected.text(.stdout), stderr: collected.text(.stderr))
  }

  /// A real kubectl of `version` on this sandbox, through the node's ~/.kube/config (the API
  /// server is started for it); nil where that kubectl is not installed.
  func kubectl(_ version: String) throws -> Kubectl? {
    if sandbox.server.port == 0 { try sandbox.start() }
    let kubeconfig = tree.appendingPathComponent("root/.kube/config")
    try sandbox.writeKubeconfig(to: kubeconfig.path)
    return Kubectl(version: version, kubeconfig: kubeconfig.path)
  }

  /// The flags that reach the node's etcd, as the exam task writes them.
  static let etcdFlags =
    "--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt "
    + "--cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key"

  final class Collected: Sendable {
    private let data = Mutex<[NodeToolStream: Data]>([:])

    func append(_ stream: NodeToolStream, _ chunk: Data) { data.withLock { $0[stream, default: Data()] += chunk } }
    func text(_ stream: NodeToolStream) -> String {
      data.withLock { String(decoding: $0[stream] ?? Data(), as: UTF8.self) }
    }
  }

  /// Moves the cluster's clock a tenth of a second at a time until a condition the controllers
  /// bring about holds (at most 20 simulated seconds); false if it never did.
  func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<200 {
      if condition() { return true }
      clock.advance(by: 0.1)
      // The simulated kubelet takes each step on the cluster's queue: give it a moment to run.
      try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
  }

  func pod(_ namespace: String, _ name: String) -> JSON? {
    cluster.store.get(ObjectKey(resource: "pods", namespace: namespace, name: name))
  }

  /// Creates a pod bound to this node.
  @discardableResult
  func createPod(_ name: String, image: String = "nginx", namespace: String = "default") throws -> JSON {
    let pods = cluster.catalog.resource(groupVersion: "v1", plural: "pods")!
    return try cluster.create(
      pods, namespace: namespace,
      object: [
        "metadata": ["name": .string(name)],
        "spec": ["nodeName": .string(node), "containers": [["name": .string(name), "image": .string(image)]]],
      ]
    ).object
  }
}
