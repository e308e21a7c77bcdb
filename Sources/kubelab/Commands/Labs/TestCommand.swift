import ArgumentParser
import Foundation
import LabKit

/// `kubelab test [lab…]`: self-tests labs, each on a fresh in-process sandbox.
struct TestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Self-test labs on fresh sandboxes.",
    discussion: """
      For each lab (all of the library by default): provisions it on a fresh sandbox of its \
      topology, grades the untouched state (no action task may earn points), replays every \
      task's solution in order and grades again (every task must earn its full points). Exit \
      status: 0 when every lab passes, 1 when one does not, 2 when one has file problems.
      """
  )

  @Argument(help: "The labs to test (default: every lab of the library).")
  var labIDs: [String] = []

  @Option(help: "The folder holding Labs/ and Graders/ (default: $KUBELAB_LABS, else the nearest one above).")
  var labs: String?

  @Option(help: "How to print the results: text or json.")
  var output: OutputFormat = .text

  @Option(help: "Also write the results as a JUnit XML report to this file.")
  var junit: String?

  func run() async throws {
    try await CommandFailure.reporting {
      let library = LabLibrary.locate(explicit: labs)
      let ids = labIDs.isEmpty ? library.ids() : labIDs
      guard !ids.isEmpty else { throw CommandFailure(.invalidLab, "no labs in \(library.labsFolder)") }
      var reports: [SelfTestReport] = []
      var invalid = false
      for id in ids {
        let report: SelfTestReport
        do {
          report = try await test(try library.load(id))
        } catch {
          invalid = true
          report = SelfTestReport(lab: id, setupProblem: "\(error)", tasks: [], seconds: 0)
        }
        if output == .text { print(SelfTestText.render(report)) }
        reports.append(report)
      }
      if let junit { try JUnitReport(suites: reports.map(JUnitReport.Suite.init(selfTest:))).write(to: junit) }
      if output == .json { try JSONOutput.print(reports) }
      let failed = reports.filter { !$0.passed }.count
      if output == .text {
        print(
          "\(reports.count - failed) of \(reports.count) \(reports.count == 1 ? "lab" : "labs") passed the self-test.")
      }
      if invalid { throw ExitCode(ExitStatus.invalidLab.rawValue) }
      if failed > 0 { throw ExitCode(ExitStatus.notPassed.rawValue) }
    }
  }

  private func test(_ loaded: LoadedLab) async throws -> SelfTestReport {
    let sandbox = try InProcessSandbox(topology: loaded.lab.topology.rawValue)
    defer { sandbox.shutdown() }
    let workdir = NSTemporaryDirectory() + "kubelab-test-\(loaded.id)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: workdir) }
    let verbose = output == .text
    return await LabSelfTest(loaded: loaded, cluster: sandbox.cluster, workdir: workdir).run { step in
      if verbose { FileHandle.standardError.write(Data("  \(loaded.id): \(step)\n".utf8)) }
    }
  }
}
