import Foundation
import TestSupport
import Testing

/// The multi-node topologies: nodes with their roles, DaemonSets on every node that accepts them,
/// and the scheduler keeping pods off nodes that do not match. Each test starts its own sandbox.
@Suite struct KubectlTopologyTests {
  func sandbox(_ topology: String, _ version: String) throws -> (SandboxProcess, Kubectl) {
    let sandbox = try SandboxProcess(arguments: ["--topology", topology])
    guard let kubectl = Kubectl(version: version, kubeconfig: sandbox.kubeconfig) else {
      _ = sandbox.stop()
      throw SandboxStartError(message: "kubectl \(version) is not installed on this machine")
    }
    return (sandbox, kubectl)
  }

  /// Each line of a table's first `count` columns, single-spaced.
  static func firstColumns(_ table: String, _ count: Int) -> [String] {
    table.split(separator: "\n").map { $0.split(separator: " ").prefix(count).joined(separator: " ") }
  }

  static func daemonSet(_ name: String, toleratingControlPlane: Bool) -> String {
    let tolerations =
      toleratingControlPlane
      ? ",\"tolerations\":[{\"key\":\"node-role.kubernetes.io/control-plane\",\"operator\":\"Exists\","
        + "\"effect\":\"NoSchedule\"}]" : ""
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"\(name)\"},"
      + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"\(name)\"}},\"template\":{\"metadata\":"
      + "{\"labels\":{\"app\":\"\(name)\"}},\"spec\":{\"containers\":[{\"name\":\"agent\",\"image\":\"busybox\","
      + "\"command\":[\"sleep\",\"3600\"]}]\(tolerations)}}}}"
  }

  @Test(arguments: testedKubectlVersions)
  func twoNodeDaemonSetsAvoidTheTaintedControlPlaneUnlessTolerated(version: String) async throws {
    let (sandbox, kubectl) = try sandbox("kubeadm-2node", version)
    defer { _ = sandbox.stop() }
    let nodes = try await kubectl.run(["get", "nodes", "--no-headers"]).stdout
    #expect(Self.firstColumns(nodes, 3) == ["controlplane Ready control-plane", "node01 Ready <none>"], "\(nodes)")
    let system = try await kubectl.run(["get", "pods", "-n", "kube-system", "-o", "wide", "--no-headers"]).stdout
    #expect(system.split(separator: "\n").filter { $0.hasPrefix("kube-proxy-") && $0.contains("node01") }.count == 1)

    for (name, tolerating) in [("workers", false), ("everywhere", true)] {
      let created = try await kubectl.run(
        ["apply", "-f", "-"], input: Self.daemonSet(name, toleratingControlPlane: tolerating))
      #expect(created.status == 0, "\(created.stderr)")
    }
    let expected = ["workers": ["node01"], "everywhere": ["controlplane", "node01"]]
    for (name, nodes) in expected {
      let placed = try await kubectl.poll(
        [
          "get", "pods", "-l", "app=\(name)", "-o",
          "jsonpath={range .items[*]}{.spec.nodeName} {.status.phase}{\"\\n\"}{end}",
        ], seconds: 60
      ) { $0.split(separator: "\n").sorted() == nodes.map { "\($0) Running" } }
      let running = placed.split(separator: "\n").sorted() == nodes.map { "\($0) Running" }
      let described = running ? "" : try await kubectl.run(["describe", "pods", "-l", "app=\(name)"]).stdout
      #expect(running, "\(name): \(placed)\n\(described)")
      let status = try await kubectl.poll(
        ["get", "daemonset", name, "-o", "jsonpath={.status.desiredNumberScheduled} {.status.numberReady}"]
      ) { $0 == "\(nodes.count) \(nodes.count)" }
      #expect(status == "\(nodes.count) \(nodes.count)", "\(name): \(status)")
    }
    let pod = try await kubectl.run(
      [
        "get", "pods", "-l", "app=workers", "-o",
        "jsonpath={.items[0].metadata.generateName} "
          + "{.items[0].metadata.ownerReferences[0].kind} "
          + "{.items[0].spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
          + ".matchFields[0].values[0]}",
      ]
    ).stdout
    #expect(pod == "workers- DaemonSet node01", "\(pod)")

    try await kubectl("run picky --image=nginx --overrides={\"spec\":{\"nodeSelector\":{\"disk\":\"ssd\"}}}")
    let described = try await kubectl.poll(["describe", "pod", "picky"]) { $0.contains("FailedScheduling") }
    #expect(described.contains("FailedScheduling"), "\(described)")
    #expect(described.contains("0/2 nodes are available"), "\(described)")
    let phase = try await kubectl.run(["get", "pod", "picky", "-o", "jsonpath={.status.phase}"]).stdout
    #expect(phase == "Pending")
  }

  @Test(arguments: testedKubectlVersions)
  func haRunsAStackedEtcdOnEachControlPlane(version: String) async throws {
    let (sandbox, kubectl) = try sandbox("kubeadm-ha", version)
    defer { _ = sandbox.stop() }
    let nodes = try await kubectl.run(["get", "nodes", "--no-headers"]).stdout
    #expect(
      Self.firstColumns(nodes, 3) == [
        "controlplane Ready control-plane", "controlplane02 Ready control-plane", "controlplane03 Ready control-plane",
        "node01 Ready <none>", "node02 Ready <none>",
      ], "\(nodes)")
    let pods = try await kubectl.run(["get", "pods", "-n", "kube-system", "-o", "wide", "--no-headers"]).stdout
    let etcd = pods.split(separator: "\n").filter { $0.hasPrefix("etcd-") }.map {
      $0.split(separator: " ", omittingEmptySubsequences: true)
    }
    #expect(etcd.map { String($0[0]) } == ["etcd-controlplane", "etcd-controlplane02", "etcd-controlplane03"])
    #expect(etcd.map { String($0[6]) } == ["controlplane", "controlplane02", "controlplane03"], "\(pods)")
    let proxies = pods.split(separator: "\n").filter { $0.hasPrefix("kube-proxy-") && $0.contains("Running") }
    #expect(proxies.count == 5, "\(pods)")
  }
}
