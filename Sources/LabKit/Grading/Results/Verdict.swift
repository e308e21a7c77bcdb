/// How one check (or answer) came out.
///
/// `error` means the grader could not look (an unreachable cluster, a 5xx, a script that could not
/// run): it is never counted as the learner's mistake.
public enum Verdict: String, Codable, Sendable {
  case pass
  case fail
  case error
}
