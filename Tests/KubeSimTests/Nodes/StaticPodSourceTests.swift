import Foundation
import KubeModel
import Testing

@testable import KubeSim

/// The kubelet's file source without bubblewrap or HTTP: manifests written into a node's tree
/// become mirror pods, and broken control-plane manifests take their component down. Each scan
/// runs on the cluster's queue, called by the test, so nothing waits for the one-second timer.
@Suite struct StaticPodSourceTests {
  let sandbox: Sandbox
  let folder: TemporaryDirectory
  let trees: NodeTrees
  let source: StaticPodSource

  init() throws {
    sandbox = try Sandbox(options: .init(topology: "kubeadm", tls: false))
    folder = try TemporaryDirectory()
    let trees = NodeTrees(root: folder.url)
    self.trees = trees
    try FileManager.default.createDirectory(
      at: trees.hostPath("/etc/kubernetes/manifests", on: "controlplane"), withIntermediateDirectories: true)
    try "controlplane\n".write(
      to: trees.hostPath("/etc/hostname", on: "controlplane"), atomically: true, encoding: .utf8)
    sandbox.cluster.nodeServices.attach(trees)
    source = StaticPodSource(
      cluster: sandbox.cluster, services: sandbox.cluster.nodeServices, trees: trees,
      controlPlane: sandbox.cluster.controlPlane)
  }

  func write(_ text: String, to path: String) throws {
    let file = trees.hostPath(path, on: "controlplane")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
  }

  func scan() { sandbox.cluster.queue.sync { source.scanAll() } }

  func pod(_ name: String, namespace: String = "default") -> JSON? {
    sandbox.cluster.store.get(ObjectKey(resource: "pods", namespace: namespace, name: name))
  }

  static func manifest(image: String) -> String {
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: \(image)\n"
  }

  @Test func manifestsBecomeMirrorPodsThatFollowTheFile() throws {
    try write(Self.manifest(image: "nginx:1.27"), to: "/etc/kubernetes/manifests/web.yaml")
    scan()
    let first = try #require(pod("web-controlplane"))
    #expect(first[path: ["spec", "nodeName"]] == "controlplane")
    #expect(first[path: ["metadata", "annotations", "kubernetes.io/config.source"]] == "file")
    #expect(first[path: ["metadata", "ownerReferences"]]?.arrayValue?.first?["kind"] == "Node")

    try write(Self.manifest(image: "nginx:1.26"), to: "/etc/kubernetes/manifests/web.yaml")
    scan()
    let edited = try #require(pod("web-controlplane"))
    #expect(edited[path: ["spec", "containers"]]?.arrayValue?.first?["image"] == "nginx:1.26")
    #expect(edited[path: ["metadata", "uid"]] != first[path: ["metadata", "uid"]])

    // Deleted through the API: the next read of the folder makes it again.
    _ = sandbox.cluster.store.remove(ObjectKey(resource: "pods", namespace: "default", name: "web-controlplane"))
    scan()
    #expect(pod("web-controlplane") != nil)

    try FileManager.default.removeItem(at: trees.hostPath("/etc/kubernetes/manifests/web.yaml", on: "controlplane"))
    scan()
    #expect(pod("web-controlplane") == nil)
  }

  @Test func aManifestThatDoesNotParseIsLoggedAndRunsNothing() throws {
    try write("apiVersion: v1\nkind Pod\nmetadata:\n  name: web\n", to: "/etc/kubernetes/manifests/web.yaml")
    scan()
    #expect(pod("web-controlplane") == nil)
    let journal = sandbox.cluster.nodeServices.journal(on: "controlplane", unit: "kubelet").map(\.message)
    #expect(
      journal.contains {
        $0.contains(
          "file.go:187] \"Could not process manifest file\" err=\"/etc/kubernetes/manifests/web.yaml: "
            + "couldn't parse as pod(yaml: line")
      }, "\(journal)")
  }

  @Test func aSchedulerManifestWithAnUnknownFlagTakesTheSchedulerDown() throws {
    var mirror = try #require(pod("kube-scheduler-controlplane", namespace: "kube-system"))
    mirror[path: ["metadata", "name"]] = "kube-scheduler"
    mirror["status"] = nil
    // Its --kubeconfig must be on the node, as kubeadm left it.
    try write("", to: "/etc/kubernetes/scheduler.conf")
    try write(mirror.serialized(), to: "/etc/kubernetes/manifests/kube-scheduler.yaml")
    scan()
    #expect(sandbox.cluster.controlPlane.isUp(.scheduler))
    var command = try #require(mirror[path: ["spec", "containers"]]?.arrayValue?.first?["command"]?.arrayValue)
    command.append("--improve-speed=true")
    var containers = try #require(mirror[path: ["spec", "containers"]]?.arrayValue)
    containers[0]["command"] = .array(command)
    mirror[path: ["spec", "containers"]] = .array(containers)
    try write(mirror.serialized(), to: "/etc/kubernetes/manifests/kube-scheduler.yaml")
    scan()
    #expect(sandbox.cluster.controlPlane.failure(.scheduler) == "Error: unknown flag: --improve-speed")
    #expect(pod("kube-scheduler-controlplane", namespace: "kube-system") != nil)
    try FileManager.default.removeItem(at: trees.hostPath("/etc/kubernetes/scheduler.conf", on: "controlplane"))
    command.removeLast()
    containers[0]["command"] = .array(command)
    mirror[path: ["spec", "containers"]] = .array(containers)
    try write(mirror.serialized(), to: "/etc/kubernetes/manifests/kube-scheduler.yaml")
    scan()
    let failure = try #require(sandbox.cluster.controlPlane.failure(.scheduler))
    #expect(failure.hasPrefix("E"))
    #expect(
      failure.hasSuffix(
        "       1 run.go:72] \"command failed\" err=\"open /etc/kubernetes/scheduler.conf: no such file or directory\"")
    )
  }

  @Test func aStoppedKubeletReadsNoManifests() throws {
    sandbox.cluster.nodeServices.stop("kubelet", on: "controlplane")
    try write(Self.manifest(image: "nginx"), to: "/etc/kubernetes/manifests/web.yaml")
    scan()
    #expect(pod("web-controlplane") == nil)
    sandbox.cluster.nodeServices.start("kubelet", on: "controlplane")
    scan()
    #expect(pod("web-controlplane") != nil)
  }
}

/// How the kubelet judges its own files when it starts.
@Suite struct KubeletStartupTests {
  static let dropIn = """
    [Service]
    Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
    EnvironmentFile=-/etc/default/kubelet
    ExecStart=
    ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_EXTRA_ARGS
    """

  func start(_ files: [String: String]) -> KubeletStartup.Outcome {
    var all = ["/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf": Self.dropIn]
    all.merge(files) { _, new in new }
    return KubeletStartup(files: { all[$0] }).start()
  }

  @Test func aGoodConfigStartsWithItsStaticPodPath() {
    let outcome = start([
      "/var/lib/kubelet/config.yaml": "kind: KubeletConfiguration\nstaticPodPath: /etc/kubernetes/pods\n"
    ])
    #expect(outcome == .started(staticPodPath: "/etc/kubernetes/pods"))
  }

  @Test func anUnknownFlagInTheExtraArgsFails() {
    let outcome = start([
      "/var/lib/kubelet/config.yaml": "kind: KubeletConfiguration\n",
      "/etc/default/kubelet": "KUBELET_EXTRA_ARGS=--improve-speed\n",
    ])
    #expect(outcome == .failed("failed to parse kubelet flag: unknown flag: --improve-speed"))
  }

  @Test func aMissingConfigFails() {
    #expect(
      start([:])
        == .failed(
          "failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \"/var/lib/kubelet/config.yaml\", error: open /var/lib/kubelet/config.yaml: no such file or directory"
        ))
  }
}
