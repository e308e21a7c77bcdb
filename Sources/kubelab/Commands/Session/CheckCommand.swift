import ArgumentParser
import Foundation
import LabKit

/// `kubelab check [task…]`: grades the cluster's state and the recorded answers.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Grade the lab, or some of its tasks.",
    discussion: """
      Reads the cluster once for all checks, grades every task (or the ones given) and records \
      the results in the session. A task the grader could not look at (the cluster is unreachable, \
      answers 5xx, 401 or 403) is marked error, never failed, and keeps its recorded score. Checks \
      with `within` are waited for when tasks are named; a whole-lab check waits only for work under \
      way. Ctrl-C ends a wait and keeps the grades so far. Exit status: 0 when the lab's pass mark is reached (or every task given passed), 1 when not, 3 \
      when a task could not be graded.
      """
  )

  @Argument(help: "Tasks to grade, by id or number (default: all).")
  var tasks: [String] = []

  @OptionGroup var options: SessionOptions

  @Option(help: "Also write the results as a JUnit XML report to this file.")
  var junit: String?

  func run() async throws {
    try await CommandFailure.reporting {
      let context = try options.open()
      let ids = try tasks.map { try context.task($0).id.value }
      let report = try await context.grade(tasks: ids.isEmpty ? nil : ids)
      if let junit { try JUnitReport(suites: [.init(report: report, lab: context.lab)]).write(to: junit) }
      if options.output == .json {
        try JSONOutput.print(report)
      } else {
        print(GradeReportText.render(report, lab: context.lab, wholeLab: ids.isEmpty))
      }
      if report.hasErrors { throw ExitCode(ExitStatus.clusterError.rawValue) }
      let passed = ids.isEmpty ? report.passed : report.tasks.allSatisfy { $0.status == .passed }
      if !passed { throw ExitCode(ExitStatus.notPassed.rawValue) }
    }
  }
}
