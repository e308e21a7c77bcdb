/// Turns the outcomes of one task's answer or checks into its result and points.
struct TaskGrading {
  let snapshot: ClusterSnapshot
  let labNamespace: String
  let nodeFiles: NodeFileReader

  /// `answer` is what the learner wrote; `given` the same trimmed, nil when empty. `settled` are
  /// the outcomes of the task's checks, in order (see `CheckEvaluator.settle`).
  func result(for task: LabTask, entry: GraderTask?, answer: String?, given: String?, settled: [CheckOutcome])
    async -> TaskResult
  {
    let kind = Self.kind(task.kind)
    guard let entry else {
      let missing = CheckResult(
        verdict: .error, message: "the grader has no entry for this task", hint: nil, weight: 1, earned: 0)
      return TaskResult(
        id: task.id.value, kind: kind, status: .error, points: 0, earned: 0, answer: answer, checks: [missing],
        hint: nil)
    }
    var result = TaskResult(
      id: task.id.value, kind: kind, status: .failed, points: entry.points, earned: 0, answer: answer, checks: [],
      hint: nil)
    if let expected = entry.answer {
      guard let given else {
        result.status = .unanswered
        return result
      }
      var options: [String]?
      if case .choice(let choices) = task.kind { options = choices }
      let outcome = await AnswerCheck(
        answer: expected, labNamespace: labNamespace, options: options, nodeFiles: nodeFiles
      ).evaluate(given, snapshot: snapshot)
      score(&result, [(outcome, 1)])
    } else {
      var outcomes = Array(zip(settled, entry.checks.map(\.points)))
      if outcomes.isEmpty { outcomes = [(.error("the grader has no checks for this task"), 1)] }
      score(&result, outcomes)
    }
    return result
  }

  /// Shares the task's points by weight among passing checks (all equally when no check has
  /// weight), and derives the status: any error makes the task an error, never a fail.
  private func score(_ result: inout TaskResult, _ outcomes: [(outcome: CheckOutcome, weight: Double)]) {
    let total = outcomes.reduce(0) { $0 + max($1.weight, 0) }
    let points = result.points
    let share = { (weight: Double) in
      total > 0 ? points * max(weight, 0) / total : points / Double(outcomes.count)
    }
    result.checks = outcomes.map { outcome, weight in
      CheckResult(
        verdict: outcome.verdict, message: outcome.message, hint: outcome.hint, weight: weight,
        earned: outcome.verdict == .pass ? share(weight) : 0)
    }
    result.earned = result.checks.reduce(0) { $0 + $1.earned }
    let passing = outcomes.filter { $0.outcome.verdict == .pass }.count
    result.hint = outcomes.first { $0.outcome.verdict == .fail }?.outcome.hint
    if outcomes.contains(where: { $0.outcome.verdict == .error }) {
      result.status = .error
    } else if passing == outcomes.count {
      result.status = .passed
    } else {
      result.status = passing > 0 ? .partial : .failed
    }
  }

  private static func kind(_ kind: LabTask.Kind) -> TaskResult.Kind {
    switch kind {
    case .question: return .question
    case .choice: return .choice
    case .action: return .action
    }
  }
}
