import Foundation
import TestSupport
import Testing

/// Deployments in the sandbox: the deployment and replica set controllers make and replace pods,
/// roll out a new image, go back with `rollout undo` and clean up after a deletion. Each check polls
/// with a generous deadline.
@Suite struct KubectlDeploymentTests {
  /// Runs `arguments` until `accept` takes the output or 60 seconds pass; returns the last output.
  @discardableResult
  func poll(_ kubectl: Kubectl, _ arguments: [String], until accept: (String) -> Bool) async throws -> String {
    try await kubectl.poll(arguments, seconds: 60, until: accept)
  }

  /// One line per pod of the deployment: `name phase image`.
  func podLines(_ namespace: String) -> [String] {
    [
      "get", "pods", "-n", namespace, "-l", "app=web", "-o",
      "jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.spec.containers[0].image}{\"\\n\"}{end}",
    ]
  }

  func lines(_ output: String) -> [[Substring]] {
    output.split(separator: "\n").map { $0.split(separator: " ") }
  }

  /// True when exactly `count` pods exist and all run `image`.
  func allRunning(_ output: String, count: Int, image: String) -> Bool {
    let pods = lines(output)
    return pods.count == count && pods.allSatisfy { $0.count == 3 && $0[1] == "Running" && $0[2] == image }
  }

  @Test(arguments: testedKubectlVersions)
  func createScaleRollOutAndUndo(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    let created = try await kubectl("create deployment web --image=nginx --replicas=3 -n \(namespace)")
    #expect(created.status == 0, "\(created.stderr)")
    let three = try await poll(kubectl, podLines(namespace)) { allRunning($0, count: 3, image: "nginx") }
    #expect(allRunning(three, count: 3, image: "nginx"), "\(three)")

    let scaled = try await kubectl("scale deployment web --replicas=5 -n \(namespace)")
    #expect(scaled.status == 0, "\(scaled.stderr)")
    let five = try await poll(kubectl, podLines(namespace)) { allRunning($0, count: 5, image: "nginx") }
    #expect(allRunning(five, count: 5, image: "nginx"), "\(five)")

    let updated = try await kubectl("set image deployment/web nginx=nginx:1.27 -n \(namespace)")
    #expect(updated.status == 0, "\(updated.stderr)")
    let rolled = try await kubectl.run(
      ["rollout", "status", "deployment/web", "-n", namespace, "--timeout=60s"], timeout: 90)
    #expect(rolled.status == 0, "\(rolled.stderr)")
    #expect(rolled.stdout.contains("deployment \"web\" successfully rolled out"), "\(rolled.stdout)")
    let newImage = try await poll(kubectl, podLines(namespace)) { allRunning($0, count: 5, image: "nginx:1.27") }
    #expect(allRunning(newImage, count: 5, image: "nginx:1.27"), "\(newImage)")

    let history = try await kubectl("rollout history deployment/web -n \(namespace)")
    #expect(history.status == 0, "\(history.stderr)")
    let revisions = history.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }
    #expect(revisions.contains("1") && revisions.contains("2"), "\(history.stdout)")

    let undone = try await kubectl("rollout undo deployment/web -n \(namespace)")
    #expect(undone.status == 0, "\(undone.stderr)")
    let back = try await kubectl.run(
      ["rollout", "status", "deployment/web", "-n", namespace, "--timeout=60s"], timeout: 90)
    #expect(back.status == 0, "\(back.stderr)")
    let restored = try await poll(kubectl, podLines(namespace)) { allRunning($0, count: 5, image: "nginx") }
    #expect(allRunning(restored, count: 5, image: "nginx"), "\(restored)")
    let later = try await kubectl("rollout history deployment/web -n \(namespace)")
    let laterRevisions = later.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }
    #expect(
      laterRevisions.contains("2") && laterRevisions.contains("3"), "the undone template is revision 3: \(later.stdout)"
    )
    let sets = try await kubectl("get replicasets -n \(namespace) --no-headers")
    #expect(sets.stdout.split(separator: "\n").count == 2, "the old template's set is reused: \(sets.stdout)")
  }

  @Test(arguments: testedKubectlVersions)
  func aDeletedPodComesBackAndTheDeploymentTakesItsPodsAlong(version: String) async throws {
    let (kubectl, namespace) = try await kubectl(version)
    try await kubectl("create deployment web --image=nginx --replicas=2 -n \(namespace)")
    let two = try await poll(kubectl, podLines(namespace)) { allRunning($0, count: 2, image: "nginx") }
    #expect(allRunning(two, count: 2, image: "nginx"), "\(two)")
    let victim = String(try #require(lines(two).first?.first))
    let deleted = try await kubectl.run(["delete", "pod", victim, "-n", namespace], timeout: 60)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    let replaced = try await poll(kubectl, podLines(namespace)) {
      allRunning($0, count: 2, image: "nginx") && !$0.contains(victim)
    }
    #expect(allRunning(replaced, count: 2, image: "nginx") && !replaced.contains(victim), "\(replaced)")
    let described = try await kubectl("describe replicaset -n \(namespace)")
    #expect(described.stdout.contains("SuccessfulCreate"), "\(described.stdout)")
    // The replacement pod runs before the controller counts it available: wait for the condition.
    let deployment = try await poll(kubectl, ["describe", "deployment", "web", "-n", namespace]) {
      $0.contains("MinimumReplicasAvailable")
    }
    #expect(deployment.contains("ScalingReplicaSet"), "\(deployment)")
    #expect(deployment.contains("Scaled up replica set web-"), "\(deployment)")
    #expect(deployment.contains("MinimumReplicasAvailable"), "\(deployment)")

    let removed = try await kubectl.run(["delete", "deployment", "web", "-n", namespace], timeout: 60)
    #expect(removed.status == 0, "\(removed.stderr)")
    let empty = try await poll(kubectl, ["get", "replicasets,pods", "-n", namespace, "-o", "name"]) { $0.isEmpty }
    #expect(empty.isEmpty, "left behind: \(empty)")
  }
}
