import ArgumentParser
import Foundation
import LabKit

/// `kubelab lint [PATH…]`: report every problem in lab and grader files, located, before anyone runs them.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check lab and grader files for problems.",
    discussion: """
      Reads each lab.yaml and each grader (.yaml files in a Graders folder, or given directly) \
      under the paths, by default Labs/ and Graders/ in the current directory, and checks them on \
      their own and against each other. Prints each problem as file:line:column: message and exits \
      2 when there is any; exits 0 when there is none. Warnings (file:line:column: warning: …) point \
      at what is allowed but may mislead a learner; they do not change the exit status.
      """
  )

  @Argument(help: "Lab folders, grader files, or folders holding them (default: Labs and Graders).")
  var paths: [String] = []

  func run() throws {
    let report = LabLinter().lint(
      paths: paths.isEmpty ? LabLinter.defaultPaths(root: FileManager.default.currentDirectoryPath) : paths)
    let summary =
      "\(report.labCount) \(report.labCount == 1 ? "lab" : "labs"), "
      + "\(report.graderCount) \(report.graderCount == 1 ? "grader" : "graders")"
    for warning in report.warnings { print("\(warning.position): warning: \(warning.message)") }
    let warned =
      report.warnings.isEmpty ? "" : ", \(report.warnings.count) \(report.warnings.count == 1 ? "warning" : "warnings")"
    guard !report.problems.isEmpty else {
      print("\(summary): no problems\(warned)")
      return
    }
    for problem in report.problems { print(problem) }
    print("\(summary): \(report.problems.count) \(report.problems.count == 1 ? "problem" : "problems")\(warned)")
    throw ExitCode(ExitStatus.invalidLab.rawValue)
  }
}
