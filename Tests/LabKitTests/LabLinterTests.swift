import Foundation
import TestSupport
import Testing

@testable import LabKit

/// Lint across files: labs against their graders and the files they reference.
@Suite struct LabLinterTests {
  private func lint(_ files: [String: String], paths: [String]? = nil) throws -> (root: String, report: LintReport) {
    let root = try temporaryTree(files)
    let report = LabLinter().lint(paths: paths.map { $0.map { root + "/" + $0 } } ?? LabLinter.defaultPaths(root: root))
    return (root, report)
  }

  @Test func cleanPairHasNoProblem() throws {
    let (_, report) = try lint(LabFixtures.clean)
    #expect(report.problems.map(\.description) == [])
    #expect(report.labCount == 1)
    #expect(report.graderCount == 1)
  }

  @Test func brokenCollectionReportsEveryProblemSortedByPlace() throws {
    let (root, report) = try lint(LabFixtures.broken)
    #expect(
      report.problems.map(\.description) == [
        "\(root)/Graders/typos.yaml:3:3: task `one` is a question and needs an `answer`",
        "\(root)/Graders/typos.yaml:5:21: unknown resource `pdos`; did you mean `pods`?",
        "\(root)/Graders/typos.yaml:6:37: invalid JSONPath `{.spec`: unclosed action (at offset 6 of the template)",
        "\(root)/Graders/typos.yaml:7:37: invalid label selector `app in (x`: unable to parse requirement: found '', "
          + "expected: ',' or ')'",
        "\(root)/Labs/empty/lab.yaml:1:1: the file is empty",
        "\(root)/Labs/typos/lab.yaml:3:7: expected a list, found a string",
        "\(root)/Labs/typos/lab.yaml:4:1: unknown key `sumary`; did you mean `summary`?",
        "\(root)/Labs/typos/lab.yaml:6:12: setup manifest `setup/missing.yaml` not found in \(root)/Labs/typos",
        "\(root)/Labs/yaml/lab.yaml:3:1: did not find expected ',' or ']' (while parsing a flow sequence)",
      ])
    #expect(report.labCount == 3)
    #expect(report.graderCount == 1)
  }

  @Test func tasksAndGraderEntriesMustPairUp() throws {
    let grader = """
      lab: pods
      tasks:
        count: { answer: 3 }
        stat: { answer: Running }
        create: { checks: [{ resource: pods }] }
        extra: { answer: 1 }

      """
    let (root, report) = try lint(["Labs/pods/lab.yaml": LabFixtures.cleanLab, "Graders/pods.yaml": grader])
    #expect(
      report.problems.map(\.description) == [
        "\(root)/Graders/pods.yaml:4:3: lab `pods` has no task `stat`; did you mean `state`?",
        "\(root)/Graders/pods.yaml:6:3: lab `pods` has no task `extra`",
        "\(root)/Labs/pods/lab.yaml:6:9: task `state` has no entry in \(root)/Graders/pods.yaml",
      ])
  }

  @Test func choiceAnswerMustBeOneOfTheChoices() throws {
    let grader = LabFixtures.cleanGrader.replacingOccurrences(of: "answer: running", with: "answer: Crashing")
    let (root, report) = try lint(["Labs/pods/lab.yaml": LabFixtures.cleanLab, "Graders/pods.yaml": grader])
    #expect(
      report.problems.map(\.description) == [
        "\(root)/Graders/pods.yaml:6:13: answer `Crashing` is not one of the choices of task `state`: "
          + "`Running`, `Pending`"
      ])
  }

  @Test func optionsThatReadAsPositionsAreWarnedAbout() throws {
    let lab = LabFixtures.cleanLab.replacingOccurrences(
      of: "choices: [Running, Pending]", with: "choices: [\"2\", Running]")
    let grader = LabFixtures.cleanGrader.replacingOccurrences(of: "answer: running", with: "answer: Running")
    let (root, report) = try lint(["Labs/pods/lab.yaml": lab, "Graders/pods.yaml": grader])
    #expect(report.problems.map(\.description) == [])
    #expect(
      report.warnings.map(\.description) == [
        "\(root)/Labs/pods/lab.yaml:6:9: option `2` of task `state` could be read as a position: a bare number "
          + "or letter answers for the option with that text, not for the option at that place"
      ])
    #expect(try lint(LabFixtures.clean).report.warnings.isEmpty)
  }

  @Test func tasksNeedTheRightKindOfGrading() throws {
    let grader = """
      lab: pods
      tasks:
        count: { checks: [{ resource: pods }] }
        state: { answer: { count: { resource: pods } } }
        create: { answer: x }

      """
    let (root, report) = try lint(["Labs/pods/lab.yaml": LabFixtures.cleanLab, "Graders/pods.yaml": grader])
    #expect(
      report.problems.map(\.description) == [
        "\(root)/Graders/pods.yaml:3:3: task `count` is a question and needs an `answer`",
        "\(root)/Graders/pods.yaml:4:3: the answer of choice task `state` must be the text of one of its choices",
        "\(root)/Graders/pods.yaml:5:3: task `create` is an action and needs `checks`",
      ])
  }

  @Test func labsAndGradersMustHaveTheirCounterpart() throws {
    let lab = LabFixtures.cleanLab.replacingOccurrences(of: "id: pods", with: "id: pod")
    let (root, report) = try lint(["Labs/pods/lab.yaml": lab, "Graders/pods.yaml": LabFixtures.cleanGrader])
    #expect(
      report.problems.map(\.description) == [
        "\(root)/Graders/pods.yaml:1:6: no lab `pods` (expected Labs/pods/lab.yaml)",
        "\(root)/Labs/pods/lab.yaml:1:5: lab `pod` has no grader (expected Graders/pod.yaml)",
        "\(root)/Labs/pods/lab.yaml:1:5: lab id `pod` does not match its folder `pods`",
      ])
  }

  @Test func lintingOneLabFolderReadsItsGraderToo() throws {
    let (_, report) = try lint(LabFixtures.clean, paths: ["Labs/pods"])
    #expect(report.problems.map(\.description) == [])
    #expect(report.graderCount == 1)
  }

  @Test func workdirFilesMustExist() throws {
    let lab = LabFixtures.cleanLab.replacingOccurrences(of: "tasks:", with: "workdir: [files/a.yaml, here.txt]\ntasks:")
    var files = LabFixtures.clean
    files["Labs/pods/lab.yaml"] = lab
    files["Labs/pods/here.txt"] = "x"
    let (root, report) = try lint(files)
    #expect(
      report.problems.map(\.description) == [
        "\(root)/Labs/pods/lab.yaml:3:11: workdir file `files/a.yaml` not found in \(root)/Labs/pods"
      ])
  }

  @Test func pathsThatHoldNoLabs() throws {
    let (root, report) = try lint(["notes/readme.md": "x"], paths: ["notes", "missing", "notes/readme.md"])
    #expect(
      report.problems.map(\.description) == [
        "\(root)/missing:1:1: no such file or directory",
        "\(root)/notes:1:1: no lab.yaml or Graders/*.yaml files in this directory",
        "\(root)/notes/readme.md:1:1: not a lab.yaml or a grader .yaml file",
      ])
  }

  @Test func theSampleLabLintsClean() {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let report = LabLinter().lint(paths: [root + "/Labs/sample", root + "/Graders/sample.yaml"])
    #expect(report.problems.map(\.description) == [])
    #expect(report.labCount == 1)
    #expect(report.graderCount == 1)
  }
}
