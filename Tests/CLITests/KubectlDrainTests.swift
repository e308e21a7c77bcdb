import Foundation
import TestSupport
import Testing

/// `kubectl drain` on the two-node topology cordons the worker and evicts its pods, skipping the
/// DaemonSet pods as told; the evicted Deployment pods come back Pending behind the tainted
/// control plane.
@Suite struct KubectlDrainTests {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx, volumeMounts: [{name: cache, mountPath: /cache}]}]
          volumes: [{name: cache, emptyDir: {}}]
    """

  @Test(arguments: testedKubectlVersions)
  func drainEvictsTheWorkersPods(version: String) async throws {
    let sandbox = try SandboxProcess(arguments: ["--topology", "kubeadm-2node"])
    defer { _ = sandbox.stop() }
    let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))
    let applied = try await kubectl.run(["apply", "-f", "-"], input: Self.deployment)
    #expect(applied.status == 0, "\(applied.stderr)")
    let placed = try await kubectl.poll(["get", "pods", "-l", "app=web", "-o", "wide", "--no-headers"]) { table in
      let rows = table.split(separator: "\n")
      return rows.count == 2 && rows.allSatisfy { $0.contains("Running") && $0.contains("node01") }
    }
    #expect(placed.split(separator: "\n").count == 2, "\(placed)")

    let drained = try await kubectl.run(
      ["drain", "node01", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=60s"], timeout: 90)
    #expect(drained.status == 0, "\(drained.stderr)")
    #expect(drained.stdout.hasPrefix("node/node01 cordoned\n"), "\(drained.stdout)")
    #expect(drained.stdout.components(separatedBy: "evicting pod default/web-").count == 3, "\(drained.stdout)")
    #expect(drained.stdout.hasSuffix("node/node01 drained\n"), "\(drained.stdout)")
    #expect(drained.stderr.contains("Warning: ignoring DaemonSet-managed Pods: "), "\(drained.stderr)")

    let node = try await kubectl.run(["get", "node", "node01", "--no-headers"]).stdout
    #expect(node.contains("Ready,SchedulingDisabled"), "\(node)")
    let pending = try await kubectl.poll(["get", "pods", "-l", "app=web", "--no-headers"]) { table in
      let rows = table.split(separator: "\n")
      return rows.count == 2 && rows.allSatisfy { $0.contains("Pending") }
    }
    #expect(pending.split(separator: "\n").allSatisfy { $0.contains("Pending") }, "\(pending)")
    let flannel = try await kubectl.run(["get", "pods", "-n", "kube-flannel", "-o", "wide", "--no-headers"]).stdout
    #expect(flannel.contains("node01"), "the DaemonSet pod stays: \(flannel)")
  }
}
