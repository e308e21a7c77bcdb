import Foundation

extension StaticAnswer {
  /// Whether the learner's answer (already trimmed) is right. Throws when the grader's regular
  /// expression does not compile.
  func accepts(_ answer: String) throws -> Bool {
    switch rule {
    case .text(let texts): return texts.contains { same($0.trimmingCharacters(in: .whitespacesAndNewlines), answer) }
    case .number(let number): return AnswerText.number(answer) == number
    case .set(let items):
      // The same multiset: sort both sides after folding case the way `same` compares.
      let given = AnswerText.items(answer).map(folded).sorted()
      return given == items.map { folded($0.trimmingCharacters(in: .whitespaces)) }.sorted()
    case .regex(let pattern):
      // Anchored around the whole expression, so `a|ab` accepts `ab`.
      let expression = try NSRegularExpression(
        pattern: "\\A(?:\(pattern))\\z", options: caseSensitive ? [] : [.caseInsensitive])
      return expression.firstMatch(in: answer, range: NSRange(answer.startIndex..., in: answer)) != nil
    }
  }

  private func same(_ expected: String, _ given: String) -> Bool { folded(expected) == folded(given) }

  private func folded(_ text: String) -> String { caseSensitive ? text : text.lowercased() }
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
