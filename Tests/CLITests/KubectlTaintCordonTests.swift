import Foundation
import TestSupport
import Testing

/// `kubectl taint` and `kubectl cordon` as a learner uses them on the one-node cluster: a pod that
/// does not tolerate the taint, or arrives at a cordoned node, stays Pending with the scheduler's
/// reason, and runs once the node is freed.
@Suite struct KubectlTaintCordonTests {
  @Test(arguments: testedKubectlVersions)
  func taintAndCordonKeepPodsPendingUntilLifted(version: String) async throws {
    let sandbox = try SandboxProcess()
    defer { _ = sandbox.stop() }
    let kubectl = try #require(Kubectl(version: version, kubeconfig: sandbox.kubeconfig))

    let tainted = try await kubectl.run(["taint", "nodes", "controlplane", "dedicated=db:NoSchedule"])
    #expect(tainted.stdout == "node/controlplane tainted\n", "\(tainted.stderr)")
    #expect(try await kubectl.run(["run", "web", "--image=nginx"]).status == 0)
    let events = try await kubectl.poll(["describe", "pod", "web"]) { $0.contains("FailedScheduling") }
    #expect(events.contains("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}"), "\(events)")
    let untainted = try await kubectl.run(["taint", "nodes", "controlplane", "dedicated=db:NoSchedule-"])
    #expect(untainted.stdout == "node/controlplane untainted\n", "\(untainted.stderr)")
    let running = try await kubectl.poll(["get", "pod", "web", "--no-headers"]) { $0.contains("Running") }
    #expect(running.contains("Running"), "\(running)")

    #expect(try await kubectl.run(["cordon", "controlplane"]).stdout == "node/controlplane cordoned\n")
    #expect(try await kubectl.run(["run", "db", "--image=redis"]).status == 0)
    let cordoned = try await kubectl.poll(["describe", "pod", "db"]) { $0.contains("FailedScheduling") }
    #expect(cordoned.contains("1 node(s) were unschedulable"), "\(cordoned)")
    #expect(try await kubectl.run(["uncordon", "controlplane"]).stdout == "node/controlplane uncordoned\n")
    let scheduled = try await kubectl.poll(["get", "pod", "db", "--no-headers"]) { $0.contains("Running") }
    #expect(scheduled.contains("Running"), "\(scheduled)")
  }
}
