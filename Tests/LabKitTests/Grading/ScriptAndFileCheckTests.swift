import Foundation
import Testing

@testable import LabKit

@Suite("Grading script and file checks in the learner's working directory")
struct ScriptAndFileCheckTests {
  /// A fresh working directory holding pods.txt.
  static func workdir() throws -> String {
    let path = NSTemporaryDirectory() + "kubelab-grading-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try Data("redis\nnginx  \n".utf8).write(to: URL(fileURLWithPath: path + "/pods.txt"))
    return path
  }

  @Test("a script passes on exit 0, reaches the cluster, runs in the workdir, and fails with its output")
  func scripts() async throws {
    let workdir = try Self.workdir()
    defer { try? FileManager.default.removeItem(atPath: workdir) }
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }",
      grader: """
          t:
            checks:
              - script: kubectl get namespace kube-system -o name | grep -qx namespace/kube-system
              - script: test -f pods.txt
              - script: echo first; echo oops >&2; exit 3
        """)
    let task = try await fixture.grade(workdir: workdir).task("t")
    #expect(task.verdicts == [.pass, .pass, .fail], "\(task.messages)")
    #expect(task.messages[2] == "the script `echo first; echo oops >&2; exit 3` exited with status 3:\nfirst\noops")
  }

  @Test("a script that cannot start is an error")
  func scriptCannotStart() async throws {
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }", grader: "  t: { checks: [{ script: \"true\" }] }")
    let task = try await fixture.grade(workdir: "/nonexistent/kubelab-workdir").task("t")
    #expect(task.status == .error)
    #expect(task.messages[0].hasPrefix("the script `true` could not be run: "))
  }

  @Test("file checks: exists, absent, contains and multiline regex, relative to the workdir or absolute")
  func files() async throws {
    let workdir = try Self.workdir()
    defer { try? FileManager.default.removeItem(atPath: workdir) }
    let fixture = try GradingFixture(
      tasks: "  - { id: t, ask: a, action: true }",
      grader: """
          t:
            checks:
              - file: { path: pods.txt, exists: true }
              - file: { path: missing.txt, exists: true }
              - file: { path: missing.txt, exists: false }
              - file: { path: pods.txt, contains: nginx }
              - file: { path: pods.txt, contains: mysql }
              - file: { path: pods.txt, matches: "^nginx\\\\s*$" }
              - file: { path: pods.txt, matches: "^mysql" }
              - file: { path: "\(workdir)/pods.txt", contains: redis }
              - file: { path: missing.txt, contains: redis }
        """)
    let task = try await fixture.grade(workdir: workdir).task("t")
    #expect(task.verdicts == [.pass, .fail, .pass, .pass, .fail, .pass, .fail, .pass, .fail])
    #expect(task.messages[1] == "the file missing.txt does not exist")
    #expect(task.messages[4] == #"the file pods.txt does not contain "mysql""#)
    #expect(task.messages[6] == "the file pods.txt does not match /^mysql/")
    #expect(task.status == .partial)
    #expect(abs(task.earned - 5.0 / 9.0) < 1e-9)
  }
}
