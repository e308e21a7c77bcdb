import Foundation
import TestSupport
import Testing

/// `kubelab practice <lab> --sandbox`, scripted through stdin as the issue asks: right answers,
/// wrong answers with hints, actions done with kubectl, and the final score.
@Suite struct PracticeCommandTests {
  @Test func scriptedPracticeReachesFullScore() async throws {
    try await TestGate.heavyTests.run(long: true) {
      guard Kubectl.binaryFolder != nil else { return }
      let run = try KubelabRun()
      let script =
        [
          "5",  // pod-count: wrong (two pods run)…
          "solution",  // the command that counts them
          "2",  // …then right
          "nginx:1.27",
          "agentx , nginx",
          "default",
          "2",
          "v1.33",
          "busybox:1.36",
          "b",
          "check",  // create-redis, before anything is done: fails with its hints
          "kubectl apply -n sample -f files/redis.yaml",
          "kubectl get pod redis -n sample -o jsonpath={.metadata.name} > redis.txt",
          "check",
          "k -n sample scale deployment webapp --replicas=3",
          "kubectl -n sample delete pod stray",
          "check",
          "kubectl create configmap app-config -n sample --from-literal=mode=dev",
          "check",
        ].joined(separator: "\n") + "\n"
      let output = try await run(["practice", "sample", "--sandbox"], input: script, timeout: 300)
      #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
      let text = output.stdout
      #expect(text.contains("[1] How many pods run in the namespace sample?"))
      #expect(text.contains("> 5\n✗ Not right (0/1)"))
      // The answer check has no hint of its own, so the first progressive hint is revealed.
      #expect(text.contains("Hint 1/2: Run kubectl get pods -n sample."))
      #expect(text.contains("> solution\nkubectl get pods -n sample --no-headers | wc -l\n"))
      #expect(text.contains("> 2\n✔ Correct (1/1)"))
      #expect(text.contains("> b\n✔ Correct (1/1)"))
      #expect(text.contains("No pod runs the image redis:7 with the label app=redis."))
      #expect(text.contains("pod/redis created"))
      #expect(text.contains("deployment.apps/webapp scaled"))
      #expect(text.contains("Final score"))
      #expect(text.contains("pass mark 75%: passed"))
      let score = try #require(text.split(separator: "\n").last { $0.hasPrefix("Score: ") })
      #expect(score.contains("(100%)"), "\(score)")
    }
  }

  @Test func quittingEndsWithTheScoreTableAndExitOne() async throws {
    try await TestGate.heavyTests.run {
      let run = try KubelabRun()
      let output = try await run(["practice", "sample", "--sandbox"], input: "2\nskip\nquit\n", timeout: 180)
      #expect(output.status == 1, "\(output.stdout)\n\(output.stderr)")
      #expect(output.stdout.contains("Final score"))
      #expect(output.stdout.contains("pod-count"))
      #expect(output.stdout.contains("not passed yet"))
    }
  }

  /// Quitting at once grades the untouched lab without waiting out any `within` (the pods lab has
  /// checks that would wait up to a minute): no wait is announced and no check says it waited.
  /// The timeout only guards against a hang.
  @Test func quittingRightAfterTheStartDoesNotWait() async throws {
    try await TestGate.heavyTests.run {
      let run = try KubelabRun()
      let output = try await run(["practice", "pods", "--sandbox"], input: "quit\n", timeout: 180)
      #expect(output.status == 1, "\(output.stdout)\n\(output.stderr)")
      #expect(output.stdout.contains("Final score"))
      #expect(!output.stderr.contains("Waiting up to"), "\(output.stderr)")
      #expect(!output.stdout.contains("after waiting"), "\(output.stdout)")
    }
  }

  @Test func withoutALabTheLearnerPicksOne() async throws {
    try await TestGate.heavyTests.run {
      let run = try KubelabRun()
      let output = try await run(["practice", "--sandbox"], input: "nothing\n999\nsample\nquit\n", timeout: 180)
      #expect(output.stdout.contains("sample: Sample lab"))
      #expect(output.stdout.contains("Type a number from 1 to"))
      #expect(output.stdout.contains("[1] How many pods run in the namespace sample?"))
    }
  }
}
