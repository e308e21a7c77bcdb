import Foundation
import TestSupport
import Testing

/// Init containers in the sandbox run one after another before the app containers, and
/// `kubectl get pods` reports them with the real printer's words (`Init:0/1`, `Init:1/2`,
/// `Init:ErrImagePull`).
@Suite struct KubectlInitContainerTests {
  /// A pod whose init containers run `commands` (an empty list: the image's default).
  static func pod(_ name: String, initContainers: [(image: String, command: String)]) -> String {
    let containers = initContainers.enumerated().map { index, container in
      "{name: init\(index), image: \(container.image), command: [\(container.command)]}"
    }
    return """
      apiVersion: v1
      kind: Pod
      metadata: {name: \(name)}
      spec:
        initContainers: [\(containers.joined(separator: ", "))]
        containers: [{name: app, image: nginx}]
      """
  }

  /// Each pod's STATUS in `kubectl get pods`.
  static func statuses(_ table: String) -> [String: String] {
    var statuses: [String: String] = [:]
    for line in table.split(separator: "\n") {
      let columns = line.split(separator: " ").map(String.init)
      if columns.count > 2 { statuses[columns[0]] = columns[2] }
    }
    return statuses
  }

  @Test(arguments: testedKubectlVersions)
  func initContainerStatesShowInGetPods(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let manifests = [
      Self.pod("waiting", initContainers: [("busybox", "sleep, \"3600\"")]),
      Self.pod("second", initContainers: [("busybox", "echo, done"), ("busybox", "sleep, \"3600\"")]),
      Self.pod("unknown", initContainers: [("busybox123", "echo, hi")]),
      Self.pod("done", initContainers: [("busybox", "echo, one"), ("busybox", "sleep, \"2\"")]),
    ]
    let applied = try await kubectl.run(
      ["apply", "-n", namespace, "-f", "-"], input: manifests.joined(separator: "\n---\n"))
    #expect(applied.status == 0, "\(applied.stderr)")
    let expected = ["waiting": "Init:0/1", "second": "Init:1/2", "done": "Running"]
    let table = try await kubectl.poll(["get", "pods", "-n", namespace, "--no-headers"]) { table in
      let statuses = Self.statuses(table)
      return expected.allSatisfy { statuses[$0.key] == $0.value } && statuses["unknown"]?.hasPrefix("Init:") == true
        && statuses["unknown"] != "Init:0/1"
    }
    let statuses = Self.statuses(table)
    for (pod, status) in expected { #expect(statuses[pod] == status, "\(table)") }
    #expect(["Init:ErrImagePull", "Init:ImagePullBackOff"].contains(statuses["unknown"] ?? ""), "\(table)")

    let reasons = try await kubectl.run([
      "get", "pod", "done", "-n", namespace, "-o",
      "jsonpath={.status.initContainerStatuses[*].state.terminated.reason}",
    ])
    #expect(reasons.stdout == "Completed Completed")
    let initialized = try await kubectl.run([
      "get", "pod", "second", "-n", namespace, "-o",
      "jsonpath={.status.conditions[?(@.type==\"Initialized\")].reason} {.status.phase}",
    ])
    #expect(initialized.stdout == "ContainersNotInitialized Pending")
    let described = try await kubectl.run(["describe", "pod", "done", "-n", namespace]).stdout
    #expect(described.contains("Init Containers:"), "\(described)")
    #expect(described.contains("Started container init1"), "\(described)")
  }
}
