import Foundation
import TestSupport
import Testing

/// Pods in the sandbox get scheduled and run: kubectl sees them pull, start, crash, finish and
/// stay Pending as a real cluster shows them. Each check polls with a generous deadline.
@Suite struct KubectlPodLifecycleTests {
  /// Runs `command` until `accept` takes its output or `Kubectl.poll`'s window passes.
  @discardableResult
  func poll(_ kubectl: Kubectl, _ arguments: [String], until accept: (String) -> Bool) async throws -> String {
    try await kubectl.poll(arguments, until: accept)
  }

  func status(_ kubectl: Kubectl, _ pod: String, _ namespace: String) async throws -> [String] {
    let line = try await kubectl.run(["get", "pod", pod, "-n", namespace, "--no-headers"]).stdout
    return line.split(separator: " ").map(String.init)
  }

  @Test(arguments: testedKubectlVersions)
  func unknownImageFailsToPullUntilFixed(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("run redis --image=redis123 -n \(namespace)")
    let failing = try await poll(kubectl, ["get", "pods", "-n", namespace]) {
      $0.contains("ErrImagePull") || $0.contains("ImagePullBackOff")
    }
    #expect(failing.contains("ErrImagePull") || failing.contains("ImagePullBackOff"), "\(failing)")
    let described = try await poll(kubectl, ["describe", "pod", "redis", "-n", namespace]) {
      $0.contains("Failed to pull image \"redis123\"")
    }
    #expect(described.contains("Failed to pull image \"redis123\""), "\(described)")
    let fixed = try await kubectl("set image pod/redis redis=redis -n \(namespace)")
    #expect(fixed.status == 0, "\(fixed.stderr)")
    let running = try await poll(kubectl, ["get", "pod", "redis", "-n", namespace, "--no-headers"]) {
      $0.contains("1/1") && $0.contains("Running")
    }
    #expect(running.contains("Running"), "\(running)")
  }

  @Test(arguments: testedKubectlVersions)
  func nginxRunsWithAPodIPAndEvents(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("run nginx --image=nginx -n \(namespace)")
    let waited = try await kubectl.run(
      ["wait", "--for=condition=Ready", "pod/nginx", "-n", namespace, "--timeout=30s"], timeout: 40)
    #expect(waited.status == 0, "\(waited.stderr)")
    #expect(waited.stdout == "pod/nginx condition met\n")
    let ip = try await kubectl.run(["get", "pod", "nginx", "-n", namespace, "-o", "jsonpath={.status.podIP}"]).stdout
    #expect(ip.hasPrefix("10.244.0.") && ip != "10.244.0.2" && ip != "10.244.0.3", "\(ip)")
    let described = try await poll(kubectl, ["describe", "pod", "nginx", "-n", namespace]) { $0.contains("Started") }
    for reason in ["Scheduled", "Pulling", "Pulled", "Created", "Started"] {
      #expect(described.contains(reason), "describe lacks \(reason): \(described)")
    }
    #expect(described.contains("Successfully assigned \(namespace)/nginx to controlplane"))
    #expect(described.contains("Status:           Running"))
  }

  @Test(arguments: testedKubectlVersions)
  func busyboxWithoutCommandCrashLoops(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("run box --image=busybox -n \(namespace)")
    let crashing = try await poll(kubectl, ["get", "pod", "box", "-n", namespace, "--no-headers"]) {
      $0.contains("CrashLoopBackOff")
    }
    #expect(crashing.contains("CrashLoopBackOff"), "\(crashing)")
    let first = try await status(kubectl, "box", namespace)
    let firstRestarts = Int(first.count > 3 ? first[3] : "") ?? -1
    #expect(firstRestarts >= 0, "\(first)")
    let later = try await poll(
      kubectl, ["get", "pod", "box", "-n", namespace, "-o", "jsonpath={.status.containerStatuses[0].restartCount}"]
    ) {
      (Int($0) ?? -1) > firstRestarts
    }
    #expect((Int(later) ?? -1) > firstRestarts, "restarts stayed at \(later)")
    let last = try await kubectl.run([
      "get", "pod", "box", "-n", namespace, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.reason}",
    ])
    #expect(last.stdout == "Completed")
  }

  @Test(arguments: testedKubectlVersions)
  func echoPrintsToTheLogAndSucceeds(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl.run(["run", "echo", "--image=busybox", "--restart=Never", "-n", namespace, "--", "echo", "hi"])
    let phase = try await poll(kubectl, ["get", "pod", "echo", "-n", namespace, "-o", "jsonpath={.status.phase}"]) {
      $0 == "Succeeded"
    }
    #expect(phase == "Succeeded")
    let logs = try await kubectl.run(["logs", "echo", "-n", namespace])
    #expect(logs.stdout == "hi\n", "\(logs.stderr)")
    await #expect(try status(kubectl, "echo", namespace).dropFirst().first == "0/1")
  }

  @Test(arguments: testedKubectlVersions)
  func unmatchedNodeSelectorStaysPending(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let overrides = #"{"spec":{"nodeSelector":{"disktype":"ssd"}}}"#
    try await kubectl.run(["run", "picky", "--image=nginx", "-n", namespace, "--overrides", overrides])
    let expected =
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are "
      + "available: 1 Preemption is not helpful for scheduling."
    let described = try await poll(kubectl, ["describe", "pod", "picky", "-n", namespace]) {
      $0.contains("FailedScheduling")
    }
    #expect(described.contains("FailedScheduling"), "\(described)")
    #expect(described.contains("default-scheduler"))
    let condition = try await kubectl.run([
      "get", "pod", "picky", "-n", namespace, "-o",
      "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].message}",
    ])
    #expect(condition.stdout == expected)
    await #expect(try status(kubectl, "picky", namespace).dropFirst(2).first == "Pending")
  }
}
