import KubeModel

/// Checks that hold between a lab and its grader: one grader per lab, one grader entry per task and
/// back, and an answer or checks fit for the kind of each task.
enum PairingChecks {
  static func problems(labs: [Lab], graders: [Grader]) -> [LabProblem] {
    var problems: [LabProblem] = []
    for lab in labs {
      let own = graders.filter { $0.lab.value == lab.id.value }
      guard let grader = own.first else {
        problems.append(
          LabProblem("lab `\(lab.id.value)` has no grader (expected Graders/\(lab.id.value).yaml)", at: lab.id.position)
        )
        continue
      }
      for extra in own.dropFirst() {
        problems.append(
          LabProblem("lab `\(lab.id.value)` already has a grader: \(grader.file)", at: extra.lab.position))
      }
      problems += pair(lab, grader)
    }
    for grader in graders where !labs.contains(where: { $0.id.value == grader.lab.value }) {
      problems.append(
        LabProblem(
          "no lab `\(grader.lab.value)` (expected Labs/\(grader.lab.value)/lab.yaml)", at: grader.lab.position))
    }
    return problems
  }

  private static func pair(_ lab: Lab, _ grader: Grader) -> [LabProblem] {
    var problems: [LabProblem] = []
    let taskIDs = lab.tasks.map(\.id.value)
    for entry in grader.tasks where !taskIDs.contains(entry.id.value) {
      problems.append(
        LabProblem(
          "lab `\(lab.id.value)` has no task `\(entry.id.value)`"
            + EditDistance.didYouMean(entry.id.value, among: taskIDs), at: entry.id.position))
    }
    for task in lab.tasks {
      guard let entry = grader.tasks.first(where: { $0.id.value == task.id.value }) else {
        problems.append(LabProblem("task `\(task.id.value)` has no entry in \(grader.file)", at: task.id.position))
        continue
      }
      problems += fit(task, entry)
    }
    return problems
  }

  /// Questions and choices are graded by an answer, actions by checks.
  private static func fit(_ task: LabTask, _ entry: GraderTask) -> [LabProblem] {
    let id = task.id.value
    switch task.kind {
    case .action:
      if entry.checks.isEmpty {
        return [LabProblem("task `\(id)` is an action and needs `checks`", at: entry.id.position)]
      }
      if entry.answer != nil {
        return [LabProblem("task `\(id)` is an action, graded by `checks`, not `answer`", at: entry.id.position)]
      }
      return []
    case .question, .choice:
      guard let answer = entry.answer else {
        return [LabProblem("task `\(id)` is a question and needs an `answer`", at: entry.id.position)]
      }
      guard case .choice(let choices) = task.kind else { return [] }
      return choiceProblems(id, choices, answer, at: entry.id.position)
    }
  }

  private static func choiceProblems(_ id: String, _ choices: [String], _ answer: Answer, at position: SourcePosition)
    -> [LabProblem]
  {
    guard case .fixed(let fixed) = answer, case .text(let texts) = fixed.rule else {
      return [LabProblem("the answer of choice task `\(id)` must be the text of one of its choices", at: position)]
    }
    let normalize = { (text: String) in fixed.caseSensitive ? text : text.lowercased() }
    let options = Set(choices.map(normalize))
    return texts.filter { !options.contains(normalize($0)) }.map {
      LabProblem(
        "answer `\($0)` is not one of the choices of task `\(id)`: "
          + choices.map { "`\($0)`" }.joined(separator: ", "), at: fixed.position)
    }
  }
}
