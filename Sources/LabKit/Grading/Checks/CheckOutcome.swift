/// What evaluating one check (at any depth) found, before its task's points are shared out.
struct CheckOutcome {
  var verdict: Verdict
  var message: String
  /// The check's own hint, else that of the first failing part of a combinator.
  var hint: String?

  static func pass(_ message: String) -> CheckOutcome { CheckOutcome(verdict: .pass, message: message) }
  static func fail(_ message: String) -> CheckOutcome { CheckOutcome(verdict: .fail, message: message) }
  static func error(_ message: String) -> CheckOutcome { CheckOutcome(verdict: .error, message: message) }
}
