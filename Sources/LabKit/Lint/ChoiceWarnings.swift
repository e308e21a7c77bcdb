/// Warnings about choice options a learner could misread: `2` among four options may be meant as
/// the second option, but it is graded as the text `2` (see `ChoiceAnswer`).
enum ChoiceWarnings {
  static func warnings(in lab: Lab) -> [LabProblem] {
    lab.tasks.flatMap { task -> [LabProblem] in
      guard case .choice(let options) = task.kind else { return [] }
      return ChoiceAnswer.misreadable(options).map {
        LabProblem(
          "option `\($0)` of task `\(task.id.value)` could be read as a position: a bare number or letter "
            + "answers for the option with that text, not for the option at that place", at: task.id.position)
      }
    }
  }
}
