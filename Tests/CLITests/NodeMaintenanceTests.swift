import Foundation
import TestSupport
import Testing

/// The exam's node tasks end to end: scripts piped into `kubelab ssh` on a running sandbox, the
/// real kubectl (1.33 and 1.31) beside it checking what they did to the cluster.
@Suite struct NodeMaintenanceTests {
  static let etcdFlags =
    "--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt "
    + "--cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key"

  @Test func crictlShowsThePodsContainerIDs() async throws {
    try await NodeShellTests.withNodeSandbox { nodes in
      let kubectl = try nodes.kubectl("1.33")
      #expect(try await kubectl.run(["run", "ids", "--image=nginx"]).status == 0)
      let containerID = try await kubectl.poll([
        "get", "pod", "ids", "-o", "jsonpath={.status.containerStatuses[0].containerID}",
      ]) { $0.hasPrefix("containerd://") }
      #expect(containerID.hasPrefix("containerd://"))
      let shell = try await nodes.ssh("controlplane", "crictl ps --name ids -q\n")
      #expect(shell.status == 0, "\(shell.stderr)")
      #expect(shell.stdout == String(containerID.dropFirst("containerd://".count)) + "\n")
    }
  }

  @Test func etcdctlNeedsTheNodesCertificatesThenListsRegistryKeys() async throws {
    try await NodeShellTests.withNodeSandbox { nodes in
      let plain = try await nodes.ssh("controlplane", "etcdctl get / --prefix --keys-only\n")
      #expect(plain.status == 1)
      #expect(plain.stdout.isEmpty)
      #expect(plain.stderr.hasSuffix("Error: context deadline exceeded\n"), "\(plain.stderr)")
      let keys = try await nodes.ssh(
        "controlplane", "ETCDCTL_API=3 etcdctl \(Self.etcdFlags) get / --prefix --keys-only\n")
      #expect(keys.status == 0, "\(keys.stderr)")
      let lines = keys.stdout.split(separator: "\n").map(String.init)
      #expect(lines.contains("/registry/pods/kube-system/etcd-controlplane"))
      #expect(lines.contains("/registry/namespaces/default"))
      #expect(lines.allSatisfy { $0.hasPrefix("/registry/") })
    }
  }

  @Test func aSnapshotRestoredToANewDataDirBringsTheClusterBack() async throws {
    try await NodeShellTests.withNodeSandbox { nodes in
      let kubectl = try nodes.kubectl("1.31")
      let saved = try await nodes.ssh("controlplane", "etcdctl \(Self.etcdFlags) snapshot save /opt/snap.db\n")
      #expect(saved.stdout == "Snapshot saved at /opt/snap.db\n", "\(saved.stderr)")
      #expect(try await kubectl.run(["run", "after-backup", "--image=nginx"]).status == 0)
      #expect(try await kubectl.run(["get", "pod", "after-backup"]).status == 0)

      let restored = try await nodes.ssh(
        "controlplane",
        """
        etcdutl snapshot restore /opt/snap.db --data-dir /var/lib/etcd-from-backup
        sed -i 's#^\\( *\\)path: /var/lib/etcd$#\\1path: /var/lib/etcd-from-backup#' /etc/kubernetes/manifests/etcd.yaml
        grep -c 'path: /var/lib/etcd-from-backup$' /etc/kubernetes/manifests/etcd.yaml
        """)
      #expect(restored.status == 0, "\(restored.stderr)")
      #expect(restored.stdout == "1\n")
      let gone = try await kubectl.poll(["get", "pods", "-o", "name"]) { !$0.contains("pod/after-backup") }
      #expect(!gone.contains("pod/after-backup"))
      // The rest is back: the control plane's pods and the objects made before the snapshot.
      let rest = try await kubectl.run(["-n", "kube-system", "get", "deployment/coredns", "pod/etcd-controlplane"])
      #expect(rest.status == 0, "\(rest.stderr)")
    }
  }

  @Test func anUpgradeToTheNextMinorThenTheKubeletMovesTheNodesVersion() async throws {
    try await NodeShellTests.withNodeSandbox { nodes in
      let shell = try await nodes.ssh(
        "controlplane",
        """
        set -e
        TARGET=$(kubeadm upgrade plan | grep -o 'kubeadm upgrade apply v[0-9.]*' | tail -1 | sed 's/.* //')
        echo "target=$TARGET"
        SERIES=${TARGET%.*}
        sed -i "s#core:/stable:/v[0-9.]*/#core:/stable:/$SERIES/#" /etc/apt/sources.list.d/kubernetes.list
        apt-get update > /dev/null
        apt-mark unhold kubeadm > /dev/null
        apt-get install -y kubeadm=${TARGET#v}-1.1 > /dev/null
        apt-mark hold kubeadm > /dev/null
        kubeadm upgrade apply $TARGET -y | grep SUCCESS
        apt-mark unhold kubelet > /dev/null
        apt-get install -y kubelet=${TARGET#v}-1.1 > /dev/null
        apt-mark hold kubelet > /dev/null
        systemctl daemon-reload
        systemctl restart kubelet
        systemctl is-active kubelet
        """, timeout: 120)
      #expect(shell.status == 0, "\(shell.stdout)\(shell.stderr)")
      let target = try #require(
        shell.stdout.split(separator: "\n").first { $0.hasPrefix("target=v1.") }.map { String($0.dropFirst(7)) })
      #expect(
        shell.stdout.contains("[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"\(target)\"."))
      #expect(shell.stdout.hasSuffix("active\n"))
      for version in ["1.33", "1.31"] {
        let kubectl = try nodes.kubectl(version)
        let listed = try await kubectl.poll(["get", "nodes", "--no-headers"]) { $0.contains(" \(target)") }
        #expect(listed.contains(" \(target)"), "kubectl \(version): \(listed)")
      }
    }
  }

  @Test func aBrokenControllerManagerManifestStopsDeploymentsUntilFixed() async throws {
    try await NodeShellTests.withNodeSandbox { nodes in
      let kubectl = try nodes.kubectl("1.33")
      let broken = try await nodes.breakManifest("kube-controller-manager.yaml", after: "--leader-elect=true")
      #expect(broken.status == 0, "\(broken.stderr)")
      let log = try await kubectl.poll(["-n", "kube-system", "logs", "kube-controller-manager-controlplane"]) {
        $0.contains("Error: unknown flag: --improve-speed")
      }
      #expect(log.contains("Error: unknown flag: --improve-speed"))
      #expect(try await kubectl.run(["create", "deployment", "stalled", "--image=nginx"]).status == 0)
      // Nothing acts on the new Deployment: no ReplicaSet, no pod, no observed generation.
      let stalled = try await kubectl.run([
        "get", "deployment", "stalled", "-o", "jsonpath={.status.observedGeneration}",
      ])
      #expect(stalled.status == 0 && stalled.stdout.isEmpty)
      #expect(try await kubectl.run(["get", "rs,pods", "-l", "app=stalled", "-o", "name"]).stdout.isEmpty)

      _ = try await nodes.restoreManifest("kube-controller-manager.yaml")
      let pods = try await kubectl.poll(["get", "pods", "-l", "app=stalled", "-o", "name"]) { !$0.isEmpty }
      #expect(pods.hasPrefix("pod/stalled-"))
    }
  }
}
