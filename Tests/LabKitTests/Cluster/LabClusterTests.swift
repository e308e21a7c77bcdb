import Foundation
import KubeClient
import LabKit
import TestSupport
import Testing

@Suite("LabCluster: the API client and child processes reach the same cluster")
struct LabClusterTests {
  @Test("a shell command sees the cluster through KUBECONFIG")
  func shellReachesCluster() async throws {
    let test = try LabTestCluster()
    let result = await ShellCommand(
      "kubectl get namespace kube-system -o name", environment: test.cluster.shellEnvironment
    ).run()
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "namespace/kube-system")
  }

  @Test("a chosen context is the one child processes use")
  func contextReachesShell() async throws {
    let test = try LabTestCluster()
    // Two contexts on the same file: the current one points nowhere, the chosen one at the sandbox.
    let original = try String(contentsOfFile: test.kubeconfigPath, encoding: .utf8)
    let broken =
      original.replacingOccurrences(of: "current-context: kubelab-sandbox", with: "current-context: nowhere")
      + "\n"
    let path = test.kubeconfigPath + ".two"
    try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let cluster = try LabCluster(kubeconfig: path, context: "kubelab-sandbox")
    #expect(cluster.name == "kubelab-sandbox")
    let result = await ShellCommand("kubectl config current-context", environment: cluster.shellEnvironment).run()
    #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "kubelab-sandbox")
    let version = try await cluster.client.getJSON(path: "/version")
    #expect(version["major"]?.stringValue == "1")
  }

  @Test("a command that overruns its timeout is stopped and says so")
  func timeout() async {
    // Far longer than the timeout: on a loaded machine this task may wait many seconds for a
    // thread, and the command must still be running when it gets one.
    let result = await ShellCommand("sleep 600", timeout: .milliseconds(200)).run()
    #expect(result.status == nil)
    #expect(result.failure == "it did not finish within 0.2s")
  }

  @Test("output keeps stdout and stderr, and the exit status is kept")
  func output() async {
    let result = await ShellCommand("echo out; echo err >&2; exit 3").run()
    #expect(result.status == 3)
    #expect(result.output == "out\nerr\n")
    #expect(!result.succeeded)
  }
}
