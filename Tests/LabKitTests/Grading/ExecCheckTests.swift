import Foundation
import KubeModel
import TestSupport
import Testing

@testable import LabKit

@Suite("Grading exec checks inside a pod's container")
struct ExecCheckTests {
  @Test("an exec check passes on exit 0 or matching output, and fails otherwise with the output")
  func execChecks() async throws {
    try await TestGate.heavyTests.run {
      let fixture = try GradingFixture(
        tasks: "  - { id: t, ask: a, action: true }",
        grader: """
            t:
              checks:
                - exec: { pod: probe, command: [cat, /etc/hostname] }
                - exec: { selector: "app=probe", container: main, command: "echo reached api; exit 0", matches: "reached" }
                - exec: { pod: probe, command: "echo refused; exit 1" }
                - exec: { pod: probe, command: [hostname], matches: "^db$" }
                - exec: { selector: "app=nothing", command: "true" }
          """, test: try LabTestCluster(containers: true))
      try await fixture.create(
        "pods",
        [
          "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "probe", "labels": ["app": "probe"]],
          "spec": ["containers": [["name": "main", "image": "busybox", "command": ["sleep", "3600"]]]],
        ])
      // The pod must run before its container can be probed.
      for _ in 0..<120 {
        let pod = try await fixture.test.cluster.client.get(
          try fixture.ref("pods"), name: "probe", namespace: "default")
        if pod[path: ["status", "phase"]]?.stringValue == "Running" { break }
        try await Task.sleep(for: .milliseconds(250))
      }
      let task = try await fixture.grade().task("t")
      #expect(task.verdicts == [.pass, .pass, .fail, .fail, .fail], "\(task.messages)")
      #expect(
        task.messages[2]
          == "`sh -c echo refused; exit 1` in pod probe exited with status 1:\nrefused\ncommand terminated with exit code 1",
        "\(task.messages[2])")
      #expect(
        task.messages[3].hasPrefix("`hostname` in pod probe printed no output matching `^db$`"), "\(task.messages[3])")
      #expect(task.messages[4].contains("no running pod matches"), "\(task.messages[4])")
    }
  }

  @Test("an exec check without a pod or a command is reported at its line")
  func lint() {
    let graderText = """
      lab: demo
      tasks:
        t:
          checks:
            - exec: { container: main }
      """
    let decoded = LabFormat.decodeGrader(Array(graderText.utf8), file: "demo.yaml")
    let problems = decoded.problems.map(\.description)
    #expect(
      problems.contains {
        $0.hasPrefix("demo.yaml:5:") && $0.contains("an exec check needs one of `pod` or `selector`")
      }, "\(problems)")
    #expect(problems.contains { $0.contains("an exec check needs `command`") }, "\(problems)")
  }
}
