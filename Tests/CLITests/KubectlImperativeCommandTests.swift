import Foundation
import TestSupport
import Testing

/// The kubectl commands that watch, open an editor or ask for metrics work against the sandbox as
/// against a kubeadm cluster without metrics-server.
@Suite struct KubectlImperativeCommandTests {
  @Test(arguments: testedKubectlVersions)
  func getWatchStreamsANewPod(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    #expect(try await kubectl("run first --image=nginx -n \(namespace)").status == 0)
    let watch = try kubectl.start(["get", "pods", "-n", namespace, "-w"])
    // kubectl watches from the resourceVersion of the list it prints first: once that list is out,
    // no later change can be missed.
    let listed = try await watch.waitForOutput { $0.stdout.contains("first ") }
    #expect(listed.stdout.contains("first "), "\(listed.stderr)")
    let created = try await kubectl("run streamed --image=nginx -n \(namespace)")
    #expect(created.status == 0, "\(created.stderr)")
    _ = try await watch.waitForOutput {
      $0.stdout.split(separator: "\n").contains { $0.hasPrefix("streamed ") && $0.contains("Running") }
    }
    let output = try await watch.stop()
    let rows = output.stdout.split(separator: "\n").filter { $0.hasPrefix("streamed ") }
    #expect(rows.count >= 2, "the watch streams the pod as it changes: \(output.stdout) \(output.stderr)")
    #expect(rows.contains { $0.contains("Running") }, "\(output.stdout)")
  }

  @Test(arguments: testedKubectlVersions)
  func editChangesTheObjectThroughTheEditor(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let created = try await kubectl("create deployment web --image=nginx --replicas=1 -n \(namespace)")
    #expect(created.status == 0, "\(created.stderr)")
    let edited = try await kubectl.run(
      ["edit", "deployment", "web", "-n", namespace],
      environment: ["KUBE_EDITOR": "sed -i 's/^  replicas: 1$/  replicas: 2/'"])
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(edited.stdout == "deployment.apps/web edited\n")
    let ready = try await kubectl.poll(
      ["get", "deployment", "web", "-n", namespace, "-o", "jsonpath={.spec.replicas} {.status.readyReplicas}"]
    ) { $0 == "2 2" }
    #expect(ready == "2 2")
  }

  @Test(arguments: testedKubectlVersions)
  func topAnswersThatTheMetricsAPIIsMissing(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    for command in ["top nodes", "top pods -n \(namespace)"] {
      let top = try await kubectl(command)
      #expect(top.status == 1, "\(command): \(top.stdout)")
      #expect(top.stderr == "error: Metrics API not available\n", "\(command)")
    }
  }
}
