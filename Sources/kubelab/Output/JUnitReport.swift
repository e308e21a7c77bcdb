import Foundation
import LabKit

/// Results as JUnit XML, the report format CI systems read: one suite per lab, one case per task.
struct JUnitReport {
  struct Suite {
    var name: String
    var cases: [Case]
  }

  struct Case {
    enum Outcome {
      case passed
      case failed(String)
      case error(String)
      case skipped(String)
    }

    var name: String
    var className: String
    var outcome: Outcome
  }

  var suites: [Suite]

  var xml: String {
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    let all = suites.flatMap(\.cases)
    lines.append(
      "<testsuites tests=\"\(all.count)\" failures=\"\(Self.count(all, \.isFailure))\" errors=\"\(Self.count(all, \.isError))\">"
    )
    for suite in suites {
      lines.append(
        "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.cases.count)\" "
          + "failures=\"\(Self.count(suite.cases, \.isFailure))\" errors=\"\(Self.count(suite.cases, \.isError))\" "
          + "skipped=\"\(Self.count(suite.cases, \.isSkipped))\">")
      for testCase in suite.cases {
        let open =
          "    <testcase name=\"\(Self.escape(testCase.name))\" classname=\"\(Self.escape(testCase.className))\""
        switch testCase.outcome {
        case .passed:
          lines.append(open + "/>")
        case .failed(let message):
          lines += [open + ">", "      <failure message=\"\(Self.escape(message))\"/>", "    </testcase>"]
        case .error(let message):
          lines += [open + ">", "      <error message=\"\(Self.escape(message))\"/>", "    </testcase>"]
        case .skipped(let message):
          lines += [open + ">", "      <skipped message=\"\(Self.escape(message))\"/>", "    </testcase>"]
        }
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  func write(to path: String) throws {
    do {
      try Data(xml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure(.localFiles, "cannot write the JUnit report to \(path): \(error.localizedDescription)")
    }
  }

  private static func count(_ cases: [Case], _ property: KeyPath<Case.Outcome, Bool>) -> Int {
    cases.filter { $0.outcome[keyPath: property] }.count
  }

  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "\n": escaped += "&#10;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

extension JUnitReport.Case.Outcome {
  var isFailure: Bool {
    if case .failed = self { return true }
    return false
  }
  var isError: Bool {
    if case .error = self { return true }
    return false
  }
  var isSkipped: Bool {
    if case .skipped = self { return true }
    return false
  }
}

extension JUnitReport.Suite {
  /// A grading pass: a task that is not fully passed fails with what its checks found.
  init(report: GradeReport, lab: Lab) {
    name = lab.id.value
    cases = report.tasks.map { task in
      let found = task.checks.filter { $0.verdict != .pass }.map(\.message).joined(separator: "; ")
      let outcome: JUnitReport.Case.Outcome
      switch task.status {
      case .passed: outcome = .passed
      case .error: outcome = .error(found)
      case .unanswered: outcome = .skipped("no answer given")
      case .failed, .partial:
        outcome = .failed("\(task.earned.pointsText)/\(task.points.pointsText) points: \(found)")
      }
      return JUnitReport.Case(name: task.id, className: lab.id.value, outcome: outcome)
    }
  }
}

extension JUnitReport.Suite {
  /// A self-test: a task fails with its problems; a lab that could not be set up is one error.
  init(selfTest report: SelfTestReport) {
    name = report.lab
    if let problem = report.setupProblem {
      cases = [JUnitReport.Case(name: "setup", className: report.lab, outcome: .error(problem))]
      return
    }
    cases = report.tasks.map { task in
      JUnitReport.Case(
        name: task.id, className: report.lab,
        outcome: task.passed ? .passed : .failed(task.problems.joined(separator: "; ")))
    }
  }
}
