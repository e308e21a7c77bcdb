import Foundation
import TestSupport
import Testing

/// `kubectl get` against a running `kubelab sandbox`: the Table columns kubectl prints.
@Suite struct KubectlGetTests {
  @Test(arguments: testedKubectlVersions)
  func kubeSystemPods(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let output = try await kubectl("get pods -n kube-system")
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(lines.first == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"])
    let etcd = try #require(lines.first { $0.first == "etcd-controlplane" })
    #expect(etcd[1] == "1/1")
    #expect(etcd[2] == "Running")
    #expect(etcd[3] == "0")
    for component in ["kube-apiserver", "kube-controller-manager", "kube-scheduler"] {
      #expect(lines.contains { $0.first == "\(component)-controlplane" })
    }
    #expect(lines.filter { $0.first?.hasPrefix("coredns-") == true }.count == 2)
    #expect(lines.contains { $0.first?.hasPrefix("kube-proxy-") == true })
  }

  @Test(arguments: testedKubectlVersions)
  func allNamespacesHaveANamespaceColumn(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let output = try await kubectl("get pods -A")
    #expect(output.status == 0, "\(output.stderr)")
    let rows = output.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(rows.first == ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"])
    #expect(rows.contains { $0.count > 1 && $0[0] == "kube-system" && $0[1] == "etcd-controlplane" })
    #expect(rows.contains { $0.count > 1 && $0[0] == "kube-flannel" && $0[1].hasPrefix("kube-flannel-ds-") })
  }

  @Test(arguments: testedKubectlVersions)
  func nodesWide(version: String) async throws {
    let (kubectl, _) = try await kubectl(version)
    let output = try await kubectl("get nodes -o wide")
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n")
    #expect(
      lines.first?.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        == "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME")
    let node = try #require(lines.dropFirst().first).split(separator: " ", omittingEmptySubsequences: true)
    #expect(Array(node.prefix(3)) == ["controlplane", "Ready", "control-plane"])
    #expect(node[4] == "v1.33.1")
    #expect(node[5] == "192.168.100.10")
    #expect(node[6] == "<none>")
    #expect(node.last?.hasPrefix("containerd://") == true)
  }

  @Test(arguments: testedKubectlVersions)
  func missingPodIsNotFound(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let output = try await kubectl("get pod missing -n \(namespace)")
    #expect(output.status == 1)
    #expect(output.stderr == "Error from server (NotFound): pods \"missing\" not found\n")
  }

  @Test(arguments: testedKubectlVersions)
  func emptyNamespaceSaysNoResources(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let output = try await kubectl("get pods -n \(namespace)")
    #expect(output.status == 0)
    #expect(output.stdout == "")
    #expect(output.stderr == "No resources found in \(namespace) namespace.\n")
  }
}
