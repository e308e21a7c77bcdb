import Foundation
import TestSupport
import Testing

/// `kubelab test`: the self-test CI runs on every lab, and `kubelab new`'s scaffold passing it.
@Suite struct TestCommandTests {
  @Test func sampleLabPassesWithJUnitReport() async throws {
    try await TestGate.heavyTests.run {
      let run = try KubelabRun()
      let junit = run.workdir + "/results.xml"
      let output = try await run(["test", "sample", "--junit", junit], timeout: 300)
      #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
      #expect(output.stdout.contains("PASS sample"))
      #expect(output.stdout.contains("1 of 1 lab passed the self-test."))
      let xml = try String(contentsOfFile: junit, encoding: .utf8)
      #expect(xml.contains("<testsuite name=\"sample\" tests=\"11\" failures=\"0\" errors=\"0\" skipped=\"0\">"))
      #expect(xml.contains("<testcase name=\"create-redis\" classname=\"sample\"/>"))
    }
  }

  @Test func aLabThatPassesUntouchedOrWhoseSolutionFailsIsReported() async throws {
    try await TestGate.heavyTests.run {
      var run = try KubelabRun()
      let library = try temporaryTree([
        "Labs/leaky/lab.yaml": """
        id: leaky
        title: Leaky
        tasks:
          - { id: free, ask: Make sure the namespace default exists., action: true }
          - { id: unsolved, ask: Create the config map settings., action: true }
        """,
        "Graders/leaky.yaml": """
        lab: leaky
        tasks:
          free:
            checks: [{ resource: namespaces, name: default }]
            solution: "true"
          unsolved:
            checks: [{ resource: configmaps, name: settings, hint: There is no config map settings yet. }]
            solution: kubectl create configmap other
        """,
      ])
      run.extraEnvironment["KUBELAB_LABS"] = library
      let output = try await run(["test", "--junit", run.workdir + "/results.xml"], timeout: 300)
      #expect(output.status == 1, "\(output.stdout)\n\(output.stderr)")
      #expect(output.stdout.contains("FAIL leaky"))
      #expect(output.stdout.contains("the untouched lab already earns 1/1 points"))
      #expect(output.stdout.contains("after the solution it is failed (0/1)"))
      #expect(output.stdout.contains("0 of 1 lab passed the self-test."))
      let xml = try String(contentsOfFile: run.workdir + "/results.xml", encoding: .utf8)
      #expect(xml.contains("failures=\"2\""))
    }
  }

  @Test func scaffoldLintsAndPassesItsSelfTest() async throws {
    try await TestGate.heavyTests.run {
      var run = try KubelabRun()
      let library = try temporaryTree(["Labs/.keep": ""])
      run.extraEnvironment["KUBELAB_LABS"] = library
      let created = try await run(["new", "first-lab"])
      #expect(created.status == 0, "\(created.stderr)")
      #expect(FileManager.default.fileExists(atPath: library + "/Graders/first-lab.yaml"))
      let again = try await run(["new", "first-lab"])
      #expect(again.status != 0)
      #expect(again.stderr.contains("already exists"))
      let lint = try await run(["lint", library + "/Labs", library + "/Graders"])
      #expect(lint.status == 0, "\(lint.stdout)")
      let tested = try await run(["test", "first-lab"], timeout: 300)
      #expect(tested.status == 0, "\(tested.stdout)\n\(tested.stderr)")
      let labs = try await run(["labs"])
      #expect(labs.stdout.contains("first-lab   First Lab   15m        3       kubeadm"))
    }
  }
}
