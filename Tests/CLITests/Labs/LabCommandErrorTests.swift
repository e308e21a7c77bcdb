import Foundation
import TestSupport
import Testing

/// Lab commands fail with one line naming the problem and the exit status docs/cli.md gives.
@Suite struct LabCommandErrorTests {
  @Test func mistakesAreNamedWithTheirExitStatus() async throws {
    let run = try KubelabRun()
    let unknown = try await run(["start", "podz", "--sandbox"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("kubelab: no lab `podz` in "), "\(unknown.stderr)")
    #expect(unknown.stderr.contains("did you mean `pods`?"))

    let unreachable = try await run(["check", "--kubeconfig", run.workdir + "/missing"])
    #expect(unreachable.status == 3)
    #expect(unreachable.stderr.contains("kubeconfig file given with --kubeconfig not found"), "\(unreachable.stderr)")

    let noSandbox = try await run(["tasks", "--sandbox"])
    #expect(noSandbox.status == 64)
    #expect(
      noSandbox.stderr == "kubelab: no sandbox is running: start a lab on one with `kubelab start <lab> --sandbox`\n")

    let broken = try temporaryTree([
      "Labs/broken/lab.yaml": "id: broken\ntitle: Broken\nsumary: typo\ntasks: []\n",
      "Graders/broken.yaml": "lab: broken\ntasks: {}\n",
    ])
    let invalid = try await run(["test", "broken", "--labs", broken])
    #expect(invalid.status == 2, "\(invalid.stdout)\(invalid.stderr)")
    #expect(invalid.stdout.contains("unknown key `sumary`; did you mean `summary`?"), "\(invalid.stdout)")
  }
}
