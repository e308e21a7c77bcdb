import Foundation
import LabKit
import TestSupport

/// One learner's attempt at a lab of the library: the lab provisioned on a fresh sandbox of its
/// topology, the learner's commands run, and the tasks graded as `kubelab check` grades them.
/// A lab with node tasks gets a `kubelab sandbox` process, whose nodes `kubelab ssh` reaches (the
/// learner's commands say `kubelab ssh NODE`); the others an in-process sandbox.
final class LabAttempt {
  let loaded: LoadedLab
  let cluster: LabCluster
  let workdir: String
  /// Whichever sandbox serves the attempt, kept for as long as the attempt lives.
  private let sandbox: AnyObject
  /// How node checks and node answers reach the attempt's nodes.
  let nodeLogin: NodeLoginCommand

  /// The library of this checkout.
  static let library = LabLibrary(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path)

  /// `containers` runs shell images' containers for real, for labs graded on their logs or by exec
  /// (a sandbox with nodes runs them too).
  init(_ lab: String, nodes: Bool = false, containers: Bool = false) async throws {
    loaded = try Self.library.load(lab)
    if nodes {
      let process = try SandboxProcess(arguments: ["--topology", loaded.lab.topology.rawValue])
      nodeLogin = NodeLoginCommand(executable: try BuiltProducts.kubelab())
      cluster = try LabCluster(kubeconfig: process.kubeconfig, context: nil, nodeLogin: nodeLogin)
        .findingKubectlFirst()
      sandbox = process
    } else {
      let test = try LabTestCluster(topology: loaded.lab.topology.rawValue, containers: containers)
      nodeLogin = .current
      cluster = test.cluster
      sandbox = test
    }
    workdir = NSTemporaryDirectory() + "kubelab-attempt-\(lab)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
    _ = try await LabRunner(lab: loaded.lab, cluster: cluster).start(workdir: workdir) { _ in }
  }

  deinit {
    if let process = sandbox as? SandboxProcess { _ = process.stop() }
    try? FileManager.default.removeItem(atPath: workdir)
  }

  /// Runs the learner's commands in order, in the working directory with KUBECONFIG set; a
  /// command that fails is a broken test, not a wrong attempt.
  func run(_ commands: String...) async throws {
    for command in commands {
      let result = await ShellCommand(command, environment: cluster.shellEnvironment, directory: workdir).run()
      guard result.succeeded else { throw AttemptError(command: command, output: result.output) }
    }
  }

  /// The grade of one task with this answer (questions) or the cluster as it is (actions). Checks
  /// are not polled by default: a wrong attempt would only wait out every `within`. A right attempt
  /// whose checks follow a controller (a Service's endpoints) polls them until they pass.
  func grade(_ task: String, answer: String? = nil, waiting: WaitPolicy = .never) async -> TaskResult? {
    var grading = LabGrading(lab: loaded.lab, grader: loaded.grader, cluster: cluster, workdir: workdir)
    grading.waiting = waiting
    grading.nodeLogin = nodeLogin
    return await grading.grade(tasks: [task], answers: answer.map { [task: $0] } ?? [:]).tasks.first
  }
}

struct AttemptError: Error, CustomStringConvertible {
  var command: String
  var output: String
  var description: String { "`\(command)` failed: \(output)" }
}
