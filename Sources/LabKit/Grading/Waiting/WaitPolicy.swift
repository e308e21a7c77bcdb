/// Which failing checks with `within` a grading pass waits for (docs/labs.md, "Polling").
public enum WaitPolicy: Sendable {
  /// Grade each check once (the self-test's untouched pass: nothing is changing).
  case never
  /// Wait for every failing check (a task the learner names: they asked for it).
  case always
  /// Wait only for work under way: a check of a task that has a check passing already, about
  /// objects that exist. A whole-lab `check` and the end of `practice` never wait out a `within`
  /// for a task nobody touched or an object that is not there.
  case startedWork
}
