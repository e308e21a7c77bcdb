import Foundation
import KubeModel
import KubeSim
import NodeHost
import TestSupport
import Testing

/// The node trees a sandbox writes: kubeadm's files, real certificates from the sandbox CA,
/// manifests equal to the mirror pods, and the cost of writing them.
@Suite struct NodeTreeTests {
  /// A sandbox with its node trees in a temporary folder, shut down by `body`'s end.
  static func withNodes(topology: String = "kubeadm", _ body: (Sandbox, SandboxNodes) async throws -> Void)
    async throws
  {
    let sandbox = try Sandbox(options: .init(topology: topology))
    try sandbox.start()
    let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "kubelab-tree-" + UUID().uuidString.prefix(8))
    let nodes = try SandboxNodes(sandbox: sandbox, folder: folder, removeOnShutdown: true)
    nodes.waitUntilWritten()
    defer {
      nodes.shutdown()
      sandbox.shutdown()
    }
    try await body(sandbox, nodes)
  }

  @Test func controlPlaneTreeHasKubeadmsFiles() async throws {
    try await Self.withNodes { sandbox, nodes in
      let tree = nodes.trees.tree(of: "controlplane")
      let expected = [
        "etc/hostname", "etc/kubernetes/admin.conf", "etc/kubernetes/super-admin.conf", "etc/kubernetes/kubelet.conf",
        "etc/kubernetes/controller-manager.conf", "etc/kubernetes/scheduler.conf",
        "etc/kubernetes/pki/ca.crt", "etc/kubernetes/pki/ca.key", "etc/kubernetes/pki/apiserver.crt",
        "etc/kubernetes/pki/apiserver-kubelet-client.key", "etc/kubernetes/pki/front-proxy-ca.crt",
        "etc/kubernetes/pki/front-proxy-client.crt", "etc/kubernetes/pki/sa.key", "etc/kubernetes/pki/sa.pub",
        "etc/kubernetes/pki/etcd/ca.crt", "etc/kubernetes/pki/etcd/server.crt", "etc/kubernetes/pki/etcd/peer.key",
        "etc/kubernetes/pki/etcd/healthcheck-client.crt", "etc/kubernetes/manifests/etcd.yaml",
        "etc/kubernetes/manifests/kube-apiserver.yaml", "etc/kubernetes/manifests/kube-controller-manager.yaml",
        "etc/kubernetes/manifests/kube-scheduler.yaml", "var/lib/kubelet/config.yaml",
        "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
        "etc/default/kubelet", "etc/containerd/config.toml", "etc/cni/net.d/10-flannel.conflist", "opt/cni/bin/flannel",
        "var/log/pods", "var/log/containers", "root/.kube/config", "root/.bashrc",
      ]
      for path in expected {
        #expect(FileManager.default.fileExists(atPath: tree.appendingPathComponent(path).path), "\(path)")
      }
      // An absolute symlink, as the kubelet makes it: it resolves inside the node.
      let current = try FileManager.default.destinationOfSymbolicLink(
        atPath: tree.appendingPathComponent("var/lib/kubelet/pki/kubelet-client-current.pem").path)
      #expect(current.hasPrefix("/var/lib/kubelet/pki/kubelet-client-2"))
      let ca = try String(contentsOf: tree.appendingPathComponent("etc/kubernetes/pki/ca.crt"), encoding: .utf8)
      #expect(ca == sandbox.credentials?.pki.caCertificatePEM)
      let key = try FileManager.default.attributesOfItem(
        atPath: tree.appendingPathComponent("etc/kubernetes/pki/ca.key").path)
      #expect((key[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
  }

  @Test func manifestsAreTheMirrorPodsSpecs() async throws {
    try await Self.withNodes { sandbox, nodes in
      let file = nodes.trees.hostPath("/etc/kubernetes/manifests/kube-apiserver.yaml", on: "controlplane")
      let manifest = try #require(try YAML.decodeJSON(String(contentsOf: file, encoding: .utf8)).first)
      let mirror = try #require(
        sandbox.cluster.store.get(
          ObjectKey(resource: "pods", namespace: "kube-system", name: "kube-apiserver-controlplane")))
      #expect(manifest[path: ["metadata", "name"]] == "kube-apiserver")
      #expect(
        manifest[path: ["spec", "containers"]]?.arrayValue?.first?["command"]
          == mirror[path: ["spec", "containers"]]?.arrayValue?.first?["command"])
      #expect(manifest[path: ["spec", "nodeName"]] == nil)
      #expect(manifest["status"] == [:])
    }
  }

  @Test func certificatesVerifyAgainstTheirCAsWithOpenSSL() async throws {
    try await Self.withNodes { _, nodes in
      let pki = nodes.trees.hostPath("/etc/kubernetes/pki", on: "controlplane").path
      let verify = try await ProcessRunner.run(
        "/usr/bin/openssl",
        ["verify", "-CAfile", pki + "/ca.crt", pki + "/apiserver.crt", pki + "/apiserver-kubelet-client.crt"])
      #expect(verify.status == 0, "\(verify.stderr)")
      let etcd = try await ProcessRunner.run(
        "/usr/bin/openssl",
        ["verify", "-CAfile", pki + "/etcd/ca.crt", pki + "/etcd/server.crt", pki + "/apiserver-etcd-client.crt"])
      #expect(etcd.status == 0, "\(etcd.stderr)")
      let text = try await ProcessRunner.run(
        "/usr/bin/openssl", ["x509", "-noout", "-text", "-in", pki + "/etcd/server.crt"])
      #expect(text.stdout.contains("DNS:controlplane, DNS:localhost, IP Address:192.168.100.10, IP Address:127.0.0.1"))
    }
  }

  @Test func treesAreWrittenInTheBackgroundWithoutDelayingTheStart() async throws {
    let sandbox = try Sandbox(options: .init(topology: "kubeadm-ha"))
    try sandbox.start()
    defer { sandbox.shutdown() }
    let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "kubelab-tree-" + UUID().uuidString.prefix(8))
    let clock = ContinuousClock()
    var nodes: SandboxNodes?
    let started = try clock.measure {
      nodes = try SandboxNodes(sandbox: sandbox, folder: folder, removeOnShutdown: true)
    }
    defer { nodes?.shutdown() }
    let written = clock.measure { nodes?.waitUntilWritten() }
    print("node trees of kubeadm-ha (\(nodes?.nodeNames.count ?? 0) nodes): start \(started), written after \(written)")
    #expect(nodes?.nodeNames.count == 5)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nodes/.ready").path))
    // Generous for a loaded two-core machine: the start only makes a folder and a thread.
    #expect(started < .milliseconds(100))
  }
}
