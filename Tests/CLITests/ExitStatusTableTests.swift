import Foundation
import TestSupport
import Testing

/// The table of errors (docs/cli.md, "Errors"; Sources/kubelab/Support/ErrorTable.swift) walked
/// row by row: each error is caused for real through the CLI, and must exit with the documented
/// status and a one-line message, never the usage screen.
@Suite struct ExitStatusTableTests {
  /// One row of the table and how to cause it; `trigger` nil where the CLI cannot be driven there
  /// from a test (a sandbox that hangs while starting, a bug).
  struct Row: CustomTestStringConvertible, Sendable {
    var error: String
    var status: Int32
    var message: String
    /// Found while the arguments are parsed, before the command runs: the usage screen follows.
    var withUsage = false
    var trigger: (@Sendable (Fixture) throws -> [String])?

    var testDescription: String { error }
  }

  static let rows: [Row] = [
    Row(error: "a lab or grader file has problems", status: 2, message: "the lab `broken` has problems") {
      ["tasks", "--lab", "broken", "--labs", $0.library, "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "no labs in the folder (`labs`, `practice`, `test`)", status: 2, message: "no labs in") {
      ["labs", "--labs", $0.emptyLibrary]
    },
    Row(error: "the kubeconfig's cluster cannot be used", status: 3, message: "cannot use the cluster:") {
      ["tasks", "--lab", "sample", "--kubeconfig", $0.root + "/no-such-kubeconfig"]
    },
    Row(
      error: "the sandbox cannot start (a port in use, …)", status: 3,
      message: "the sandbox could not start: cannot listen on 127.0.0.1:"
    ) {
      ["sandbox", "--port", String($0.busyPort), "--kubeconfig", $0.root + "/sandbox-kubeconfig"]
    },
    Row(
      error: "the sandbox launched by `start --sandbox` did not come up", status: 3,
      message: "the sandbox did not start within a minute", trigger: nil),
    Row(error: "a setup or teardown step failed", status: 3, message: "the lab sample could not be set up:") {
      ["start", "sample", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "an API or connection error", status: 3, message: "the connection was refused") {
      ["start", "sample", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "a damaged session file", status: 4, message: "cannot be read: it is not valid JSON") {
      try $0.damageSession(of: "sample")
      return ["status", "--lab", "sample", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "a file kubelab writes cannot be written", status: 4, message: "cannot write /proc/") { _ in
      ["new", "scratch", "--labs", "/proc/kubelab-cannot-write-here"]
    },
    Row(error: "an unknown lab", status: 64, message: "no lab `nosuchlab` in") {
      ["start", "nosuchlab", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "an unknown task", status: 64, message: "the lab sample has no task `nosuchtask`") {
      ["answer", "nosuchtask", "1", "--lab", "sample", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "no lab started", status: 64, message: "no lab is started on the cluster lab-ctx") {
      ["answer", "one", "1", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "no sandbox running", status: 64, message: "no sandbox is running") { _ in
      ["tasks", "--sandbox"]
    },
    Row(
      error: "`web` cannot listen on its address and port", status: 64, message: "cannot listen on 127.0.0.1:"
    ) {
      ["web", "--port", String($0.busyPort), "--labs", $0.library]
    },
    Row(error: "a missing argument found when the command runs", status: 64, message: "give the answer after the task")
    {
      ["answer", "one", " ", "--kubeconfig", $0.kubeconfig]
    },
    Row(
      error: "a wrong or conflicting option, found before the command runs", status: 64,
      message: "Error: --sandbox chooses the cluster", withUsage: true
    ) {
      ["tasks", "--sandbox", "--kubeconfig", $0.kubeconfig]
    },
    Row(error: "anything else", status: 70, message: "internal error:", trigger: nil),
  ]

  @Test(arguments: rows.filter { $0.trigger != nil })
  func rowExitsWithItsStatusAndOneLine(row: Row) async throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    let output = try await fixture.run(try row.trigger!(fixture))
    #expect(output.status == row.status, "\(output.stdout)\(output.stderr)")
    #expect(output.stderr.contains(row.message), "\(output.stderr)")
    if row.withUsage {
      #expect(output.stderr.hasPrefix("Error: "), "\(output.stderr)")
      #expect(output.stderr.contains("Usage: kubelab "), "\(output.stderr)")
      return
    }
    #expect(!output.stderr.contains("Usage:"), "\(output.stderr)")
    // Progress lines may come first (`Starting …`); the error is one `kubelab:` line, the last
    // unless the problems of a lab follow it.
    let lines = output.stderr.split(separator: "\n")
    let errors = lines.filter { $0.hasPrefix("kubelab: ") }
    #expect(errors.count == 1, "\(output.stderr)")
    #expect(errors.first?.contains(row.message) == true, "\(output.stderr)")
    if row.status != 2 { #expect(lines.last == errors.first, "\(output.stderr)") }
  }

  /// docs/cli.md lists exactly these rows, with these statuses.
  @Test func documentedTableIsThisTable() throws {
    let text = try String(contentsOfFile: KubelabRun.repository + "/docs/cli.md", encoding: .utf8)
    let section = try #require(text.components(separatedBy: "## Errors").dropFirst().first)
    var documented: [String: Int32] = [:]
    for line in section.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| error") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, let status = Int32(cells[1]) else { continue }
      documented[cells[0]] = status
    }
    #expect(documented == Dictionary(uniqueKeysWithValues: Self.rows.map { ($0.error, $0.status) }))
  }

  /// A library with one broken lab, an empty one, a kubeconfig whose server refuses connections
  /// (a port held without listening, so no sandbox of another test can take it), and a port held
  /// open.
  struct Fixture {
    let kubelab: KubelabRun
    let root: String
    let library: String
    let emptyLibrary: String
    let kubeconfig: String
    let listener: LoopbackListener
    let refusing: LoopbackListener
    var busyPort: Int { listener.port }

    init() throws {
      kubelab = try KubelabRun()
      root = kubelab.workdir
      library = root + "/library"
      emptyLibrary = root + "/empty"
      listener = try LoopbackListener()
      refusing = try LoopbackListener.placeholder()
      try FileManager.default.createDirectory(atPath: library + "/Labs/broken", withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: library + "/Graders", withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: emptyLibrary + "/Labs", withIntermediateDirectories: true)
      try "id: broken\ntasks: []\n".write(toFile: library + "/Labs/broken/lab.yaml", atomically: true, encoding: .utf8)
      kubeconfig = root + "/kubeconfig"
      try """
      apiVersion: v1
      kind: Config
      clusters:
      - name: nowhere
        cluster: {server: "https://127.0.0.1:\(refusing.port)", insecure-skip-tls-verify: true}
      users:
      - name: learner
        user: {token: not-a-real-token}
      contexts:
      - name: lab-ctx
        context: {cluster: nowhere, user: learner}
      current-context: lab-ctx
      """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
    }

    /// Leaves a session file for `lab` on this cluster that is not JSON.
    func damageSession(of lab: String) throws {
      let sessions = kubelab.state + "/kubelab/sessions"
      try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
      try "{ this is not a session".write(toFile: sessions + "/lab-ctx@\(lab).json", atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String]) async throws -> ProcessOutput {
      try await kubelab(arguments, timeout: 60)
    }

    func close() {
      listener.close()
      refusing.close()
    }
  }
}
