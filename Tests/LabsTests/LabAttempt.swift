import Foundation
import LabKit
import TestSupport

/// One learner's attempt at a lab of the library: the lab provisioned on a fresh in-process
/// sandbox of its topology, the learner's commands run, and the tasks graded as `kubelab check`
/// grades them.
final class LabAttempt {
  let loaded: LoadedLab
  let test: LabTestCluster
  let workdir: String

  /// The library of this checkout.
  static let library = LabLibrary(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path)

  /// `containers` runs shell images' containers for real, for labs graded on their logs or by exec.
  init(_ lab: String, containers: Bool = false) async throws {
    loaded = try Self.library.load(lab)
    test = try LabTestCluster(topology: loaded.lab.topology.rawValue, containers: containers)
    workdir = NSTemporaryDirectory() + "kubelab-attempt-\(lab)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
    _ = try await LabRunner(lab: loaded.lab, cluster: test.cluster).start(workdir: workdir) { _ in }
  }

  deinit { try? FileManager.default.removeItem(atPath: workdir) }

  /// Runs the learner's commands in order, in the working directory with KUBECONFIG set; a
  /// command that fails is a broken test, not a wrong attempt.
  func run(_ commands: String...) async throws {
    for command in commands {
      let result = await ShellCommand(command, environment: test.cluster.shellEnvironment, directory: workdir).run()
      guard result.succeeded else { throw AttemptError(command: command, output: result.output) }
    }
  }

  /// The grade of one task with this answer (questions) or the cluster as it is (actions). Checks
  /// are not polled by default: a wrong attempt would only wait out every `within`. A right attempt
  /// whose checks follow a controller (a Service's endpoints) polls them until they pass.
  func grade(_ task: String, answer: String? = nil, waiting: WaitPolicy = .never) async -> TaskResult? {
    var grading = LabGrading(lab: loaded.lab, grader: loaded.grader, cluster: test.cluster, workdir: workdir)
    grading.waiting = waiting
    return await grading.grade(tasks: [task], answers: answer.map { [task: $0] } ?? [:]).tasks.first
  }
}

struct AttemptError: Error, CustomStringConvertible {
  var command: String
  var output: String
  var description: String { "`\(command)` failed: \(output)" }
}
