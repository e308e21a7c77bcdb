import Foundation
import TestSupport
import Testing

/// `kubelab lint` as a learner or author runs it: exit status, located problems, summary line.
@Suite struct LintCommandTests {
  private func lint(_ arguments: [String]) async throws -> ProcessOutput {
    try await ProcessRunner.run(try BuiltProducts.kubelab(), ["lint"] + arguments, timeout: 30)
  }

  @Test func cleanPairExitsZero() async throws {
    let root = try temporaryTree(LabFixtures.clean)
    let output = try await lint([root + "/Labs", root + "/Graders"])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout == "1 lab, 1 grader: no problems\n")
  }

  @Test func brokenCollectionExitsTwoWithLocatedProblems() async throws {
    let root = try temporaryTree(LabFixtures.broken)
    let output = try await lint([root + "/Labs", root + "/Graders"])
    #expect(output.status == 2)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 10)
    #expect(lines.contains("\(root)/Labs/typos/lab.yaml:4:1: unknown key `sumary`; did you mean `summary`?"))
    #expect(lines.contains("\(root)/Labs/typos/lab.yaml:3:7: expected a list, found a string"))
    #expect(lines.contains("\(root)/Graders/typos.yaml:5:21: unknown resource `pdos`; did you mean `pods`?"))
    #expect(lines.contains("\(root)/Labs/empty/lab.yaml:1:1: the file is empty"))
    #expect(lines.last == "3 labs, 1 grader: 9 problems")
  }

  @Test func defaultPathsAreLabsAndGradersOfTheCurrentDirectory() async throws {
    let root = try temporaryTree(LabFixtures.clean)
    let output = try await ProcessRunner.run(
      "/bin/sh", ["-c", "cd \"$1\" && exec \"$2\" lint", "sh", root, try BuiltProducts.kubelab()], timeout: 30)
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout == "1 lab, 1 grader: no problems\n")
  }

  @Test func binaryAndMissingInputAreProblemsNotCrashes() async throws {
    let root = try temporaryTree(["Labs/bin/lab.yaml": "", "empty/.keep": ""])
    try Data([0x00, 0xFF, 0xFE, 0x80, 0x01, 0xC3]).write(to: URL(fileURLWithPath: root + "/Labs/bin/lab.yaml"))
    let output = try await lint([root + "/Labs/bin/lab.yaml", root + "/empty", root + "/nowhere"])
    #expect(output.status == 2)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("\(root)/Labs/bin/lab.yaml:1:") == true)
    #expect(lines.contains("\(root)/empty:1:1: no lab.yaml or Graders/*.yaml files in this directory"))
    #expect(lines.contains("\(root)/nowhere:1:1: no such file or directory"))
    #expect(lines.last == "1 lab, 0 graders: 3 problems")
  }
}
