extension Session {
  /// Records every task of a grading pass (see `record(task:…)`: errors keep earlier scores).
  public mutating func record(_ report: GradeReport) {
    for task in report.tasks {
      record(task: task.id, status: task.status, earned: task.earned, points: task.points, at: report.gradedAt)
    }
  }
}
