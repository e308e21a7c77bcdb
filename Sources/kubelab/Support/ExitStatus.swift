/// The exit statuses of kubelab's commands. ErrorTable maps every error to one of them, and
/// docs/cli.md lists both tables.
enum ExitStatus: Int32, CaseIterable {
  case success = 0
  /// `check`: a graded task is not passed (or, for the whole lab, the pass mark is not reached);
  /// `test`: a lab failed its self-test.
  case notPassed = 1
  /// The lab library has problems: a lab or grader file (as `kubelab lint` reports them), or no
  /// labs at all in the folder.
  case invalidLab = 2
  /// The cluster could not be used: unreachable, refused, a sandbox that cannot start, or a
  /// setup step that failed. For `check`, a task could not be graded: its result is `error`, and
  /// the recorded score stays as it was.
  case clusterError = 3
  /// kubelab's own files could not be used: a damaged session file, a state directory or an
  /// output file that cannot be written.
  case localFiles = 4
  /// A wrong argument: an unknown lab or task, no lab started, no sandbox running, a missing or
  /// conflicting option.
  case usage = 64
  /// A failure kubelab does not expect: a bug, to be reported.
  case internalError = 70
}
