import Foundation
import KubeModel

/// Proves a lab before anyone takes it: provisions it on a fresh cluster, grades the untouched
/// state (no action may pass), replays every solution in task order and grades again (every task
/// must earn its full points).
public struct LabSelfTest: Sendable {
  public let loaded: LoadedLab
  public let cluster: LabCluster
  /// Where workdir files are copied and solutions run, as the learner's working directory.
  public let workdir: String

  public init(loaded: LoadedLab, cluster: LabCluster, workdir: String) {
    self.loaded = loaded
    self.cluster = cluster
    self.workdir = workdir
  }

  public func run(progress: @escaping @Sendable (String) -> Void) async -> SelfTestReport {
    let started = ContinuousClock.now
    var report = SelfTestReport(lab: loaded.id, setupProblem: nil, tasks: [], seconds: 0)
    do {
      _ = try await LabRunner(lab: loaded.lab, cluster: cluster).start(workdir: workdir) { progress("\($0)") }
    } catch {
      report.setupProblem = "the setup failed: \(error)"
      report.seconds = started.duration(to: .now).seconds
      return report
    }
    var grading = LabGrading(lab: loaded.lab, grader: loaded.grader, cluster: cluster, workdir: workdir)
    // Untouched, a failing check must not wait out its `within`: nothing will change.
    grading.waiting = .never
    progress("grading the untouched lab")
    let untouched = await grading.grade(answers: [:])
    grading.waiting = .always
    // A question is graded as soon as it is answered, as for a learner: a later solution may
    // change what a computed answer reads. Actions are graded once every solution has run.
    var answered: [String: TaskResult] = [:]
    var problems: [String: [String]] = [:]
    for task in loaded.lab.tasks {
      let id = task.id.value
      progress("replaying the solution of \(id)")
      switch await replay(task, grading: grading) {
      case .answer(let text): answered[id] = await grading.grade(tasks: [id], answers: [id: text]).tasks.first
      case .done: break
      case .problem(let problem): problems[id, default: []].append(problem)
      }
    }
    progress("grading the solved lab")
    let actions = loaded.lab.tasks.filter { $0.kind == .action }.map(\.id.value)
    let solved = await grading.grade(tasks: actions, answers: [:])
    report.tasks = loaded.lab.tasks.map { task in
      let id = task.id.value
      let before = untouched.tasks.first { $0.id == id }
      let after = answered[id] ?? solved.tasks.first { $0.id == id }
      var found = problems[id] ?? []
      if task.kind == .action, let before {
        if before.status == .error {
          found.append("the untouched lab could not be graded: \(Self.messages(before))")
        } else if before.earned > 0 {
          found.append(
            "the untouched lab already earns \(before.earned.pointsText)/\(before.points.pointsText) points: "
              + "a check passes before the learner did anything")
        }
      }
      if after == nil, found.isEmpty { found.append("it was not graded after the solution") }
      if let after, after.status != .passed {
        found.append(
          "after the solution it is \(after.status.rawValue) (\(after.earned.pointsText)/\(after.points.pointsText)): "
            + Self.messages(after))
      }
      return SelfTestReport.TaskReport(id: id, untouched: before, solved: after, problems: found)
    }
    report.seconds = started.duration(to: .now).seconds
    return report
  }

  private enum Replay {
    /// A question's answer: what its solution printed, or the grader's own answer.
    case answer(String)
    case done
    case problem(String)
  }

  /// Runs a task's solution; for a question, works out the answer to give: the grader's answer, or
  /// what the solution printed when the grader only has a pattern.
  private func replay(_ task: LabTask, grading: LabGrading) async -> Replay {
    let entry = loaded.graderTask(task.id.value)
    var printed: String?
    switch entry?.solution {
    case .commands(let commands):
      for command in commands {
        let result = await ShellCommand(command, environment: cluster.shellEnvironment, directory: workdir).run()
        guard result.succeeded else {
          let why = result.failure ?? "exit status \(result.status ?? -1)"
          return .problem("the solution command `\(command)` failed (\(why)): \(result.outputTail())")
        }
        printed = result.output
      }
    case .manifest(let documents):
      do {
        let position = entry?.id.position ?? SourcePosition(file: loaded.grader.file, line: 1, column: 1)
        try await SolutionManifest(documents: documents, position: position)
          .apply(on: cluster, namespace: loaded.lab.namespace)
      } catch {
        return .problem("the solution manifest could not be applied: \(error)")
      }
    case nil:
      if task.kind == .action { return .problem("the grader gives no solution to replay") }
    }
    guard task.kind != .action else { return .done }
    // The grader's own answer (computed ones read now, a regex's example) proves the answer key;
    // without one, what the solution printed is the answer.
    if let expected = await grading.expectedAnswer(task: task.id.value) { return .answer(expected) }
    if let printed = printed?.trimmingCharacters(in: .whitespacesAndNewlines), !printed.isEmpty {
      return .answer(printed)
    }
    return .problem("the grader's answer is a regex without an `example`, and no solution prints an answer")
  }

  private static func messages(_ result: TaskResult) -> String {
    result.checks.filter { $0.verdict != .pass }.map(\.message).joined(separator: "; ")
  }
}
