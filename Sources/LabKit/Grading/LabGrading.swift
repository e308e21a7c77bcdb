import Foundation

/// Grades a lab's tasks against a live cluster: the engine behind `kubelab check`.
///
/// One pass first plans the reads every graded check and computed answer needs, makes each
/// distinct list request once, then evaluates everything in memory (re-reading only for checks that
/// poll with `within`). docs/labs.md, "How grading works", states the rules.
public struct LabGrading: Sendable {
  public let lab: Lab
  public let grader: Grader
  public let cluster: LabCluster
  /// Where relative `file` paths resolve and `script` checks run; nil is the current directory.
  public let workdir: String?
  /// Which failing checks with `within` are polled until their time is up: all of them by
  /// default; the self-test grades its untouched lab with `.never`, and a whole-lab `check` waits
  /// only for work under way (`.startedWork`).
  public var waiting = WaitPolicy.always
  /// Told when a pass starts waiting for checks with `within`, so a command can say why it is
  /// quiet and what it waits for.
  public var onWait: (@Sendable ([PendingWait]) -> Void)?
  /// Set by a command to end the waiting early (Ctrl-C); the grades found so far are kept.
  public var interruption: WaitInterruption?
  /// How node checks log into sandbox nodes (default: this kubelab's `ssh`).
  public var nodeLogin = NodeLoginCommand.current

  public init(lab: Lab, grader: Grader, cluster: LabCluster, workdir: String?) {
    self.lab = lab
    self.grader = grader
    self.cluster = cluster
    self.workdir = workdir
  }

  /// The grader's pass mark, else the lab's.
  public var passMark: Double { grader.passMark ?? lab.passMark }

  /// The ids among `ids` that name no task of the lab (`grade` leaves them out).
  public func unknownTasks(_ ids: [String]) -> [String] {
    let known = Set(lab.tasks.map(\.id.value))
    return ids.filter { !known.contains($0) }
  }

  /// Grades the given tasks (nil: all, in lab order) with the learner's answers (task id → text).
  public func grade(tasks ids: [String]? = nil, answers: [String: String]) async -> GradeReport {
    let wanted = ids.map(Set.init)
    let tasks = lab.tasks.filter { wanted?.contains($0.id.value) ?? true }
    let entries = Dictionary(grader.tasks.map { ($0.id.value, $0) }) { first, _ in first }
    let given = answers.mapValues(AnswerText.trimmed).filter { !$0.value.isEmpty }

    var planner = ReadPlanner(labNamespace: lab.namespace)
    for task in tasks {
      guard let entry = entries[task.id.value] else { continue }
      if let answer = entry.answer {
        // An unanswered question needs no computed answer.
        if given[task.id.value] != nil { planner.add(answer) }
      } else {
        entry.checks.forEach { planner.add($0) }
      }
    }
    let snapshot = ClusterSnapshot(cluster: cluster)
    await snapshot.read(planner.keys)

    let evaluator = CheckEvaluator(
      snapshot: snapshot, labNamespace: lab.namespace, environment: cluster.shellEnvironment,
      scriptDirectory: workdir, fileDirectory: workdir ?? FileManager.default.currentDirectoryPath,
      nodeLogin: nodeLogin, waiting: waiting, onWait: onWait, interruption: interruption)
    let checked = tasks.compactMap { task in entries[task.id.value].flatMap { $0.answer == nil ? $0 : nil } }
    var settled = await evaluator.settle(
      checked.flatMap(\.checks), owners: checked.flatMap { entry in entry.checks.map { _ in entry.id.value } })[...]
    let grading = TaskGrading(snapshot: snapshot, labNamespace: lab.namespace, nodeFiles: nodeFiles)
    var results: [TaskResult] = []
    for task in tasks {
      let entry = entries[task.id.value]
      let count = entry?.answer == nil ? entry?.checks.count ?? 0 : 0
      results.append(
        await grading.result(
          for: task, entry: entry, answer: answers[task.id.value], given: given[task.id.value],
          settled: Array(settled.prefix(count))))
      settled = settled.dropFirst(count)
    }
    return GradeReport(lab: lab.id.value, tasks: results, passMark: passMark, reads: snapshot.requests)
  }

  /// The answer a question or choice expects, as a learner would type it: the grader's text, or
  /// a computed answer read from the cluster now. Nil for actions, regex answers and failed reads.
  public func expectedAnswer(task id: String) async -> String? {
    guard let answer = grader.tasks.first(where: { $0.id.value == id })?.answer else { return nil }
    var planner = ReadPlanner(labNamespace: lab.namespace)
    planner.add(answer)
    let snapshot = ClusterSnapshot(cluster: cluster)
    await snapshot.read(planner.keys)
    return await AnswerCheck(answer: answer, labNamespace: lab.namespace, options: nil, nodeFiles: nodeFiles)
      .expected(snapshot: snapshot)
  }

  private var nodeFiles: NodeFileReader {
    NodeFileReader(nodeLogin: nodeLogin, environment: cluster.shellEnvironment)
  }
}
