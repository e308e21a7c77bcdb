import Foundation

extension StaticAnswer {
  /// Whether the learner's answer (already trimmed) is right. Throws when the grader's regular
  /// expression does not compile.
  func accepts(_ answer: String) throws -> Bool {
    let equivalence = AnswerEquivalence(kind: kind, caseSensitive: caseSensitive)
    switch rule {
    case .text(let texts): return texts.contains { equivalence.same($0, answer) }
    case .number(let number): return AnswerEquivalence.sameNumber(number, answer)
    case .set(let items): return equivalence.sameItems(items, AnswerText.items(answer))
    case .regex(let pattern):
      // Anchored around the whole expression, so `a|ab` accepts `ab`.
      let expression = try NSRegularExpression(
        pattern: "\\A(?:\(pattern))\\z", options: caseSensitive ? [] : [.caseInsensitive])
      return expression.firstMatch(in: answer, range: NSRange(answer.startIndex..., in: answer)) != nil
    }
  }
}

/// How answers are read: trimmed, numbers leniently, sets split on commas.
enum AnswerText {
  static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

  /// `3`, `3.0`, ` 3 ` are all 3.
  static func number(_ text: String) -> Double? { Double(trimmed(text)) }

  /// `agentx, nginx` → [agentx, nginx]; empty items (a trailing comma) are ignored.
  static func items(_ text: String) -> [String] {
    text.split(separator: ",").map { trimmed(String($0)) }.filter { !$0.isEmpty }
  }
}
