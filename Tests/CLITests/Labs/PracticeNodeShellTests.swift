import Foundation
import TestSupport
import Testing

/// `ssh NODE` at the prompt of a practice taken on a terminal: every line typed goes to the node's
/// shell, and after `exit` the prompt reads the learner's next answer.
@Suite struct PracticeNodeShellTests {
  @Test func theNodeShellGetsEveryLineAndThePromptComesBack() async throws {
    try await TestGate.heavyTests.run {
      let run = try KubelabRun()
      // tmux gives the command its server's environment: the command sets the test's own.
      let environment = run.environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }
      let command =
        "cd '\(run.workdir)' && env \(environment.joined(separator: " ")) '\(try BuiltProducts.kubelab())'"
        + " practice static-pods --sandbox; echo practice-ended-$?; sleep 60"
      try await TerminalSession.with(command) { terminal in
        let first = try await terminal.screen { $0.contains("staticPodPath") }
        #expect(first.contains("staticPodPath"), "\(first)")
        try await terminal.type("ssh node01")
        _ = try await terminal.screen { $0.contains("root@node01:~#") }
        // The first line typed into the node's shell is the one a reader left waiting would take.
        try await terminal.type("grep staticPodPath /var/lib/kubelet/config.yaml")
        let node = try await terminal.screen { $0.contains("staticPodPath: /etc/kubelet.d") }
        #expect(node.contains("staticPodPath: /etc/kubelet.d"), "\(node)")
        try await terminal.type("exit")
        _ = try await terminal.screen { $0.contains("logout") }
        try await terminal.type("/etc/kubelet.d")
        let answered = try await terminal.screen { $0.contains("Correct (1/1)") || $0.contains("practice-ended-") }
        #expect(answered.contains("✔ Correct (1/1)"), "\(answered)")
        try await terminal.type("quit")
        let ended = try await terminal.screen(history: true) { $0.contains("practice-ended-") }
        #expect(ended.contains("static-pod-path    passed"), "\(ended)")
      }
    }
  }
}
