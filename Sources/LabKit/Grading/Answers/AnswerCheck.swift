import Foundation
import KubeModel

/// Grades a learner's answer to a question or choice. Fail messages never reveal the right answer.
struct AnswerCheck {
  let answer: Answer
  let labNamespace: String
  /// The options of a choice task; nil for a question.
  let options: [String]?
  /// How an answer read from a node's file reads it.
  let nodeFiles: NodeFileReader

  /// `given` is trimmed and not empty.
  func evaluate(_ given: String, snapshot: ClusterSnapshot) async -> CheckOutcome {
    var text = given
    if let options {
      guard let option = ChoiceAnswer.option(given, among: options) else {
        return .fail("the answer \(ValueText.quoted(given)) is not one of the \(options.count) options")
      }
      text = option
    }
    let wrong = CheckOutcome.fail("the answer \(ValueText.quoted(given)) is not right")
    let right = CheckOutcome.pass("the answer \(ValueText.quoted(given)) is right")
    switch answer {
    case .fixed(let expected):
      do {
        return try expected.accepts(text) ? right : wrong
      } catch {
        return .error("the grader's regular expression does not compile: \(error)")
      }
    case .count(let query):
      let key = ReadKey(query, labNamespace: labNamespace)
      switch selected(query, key, snapshot) {
      case .failure(let reason): return .error("cannot work out the answer: \(reason.text)")
      case .success(let objects): return AnswerEquivalence.sameNumber(Double(objects.count), text) ? right : wrong
      }
    case .field(let query, let template, let extract, let kind):
      let key = ReadKey(query, labNamespace: labNamespace)
      switch field(query, key, template, extract, snapshot) {
      case .failure(let reason): return .error("cannot work out the answer: \(reason.text)")
      case .success(let expected): return AnswerEquivalence(kind: kind).same(expected, text) ? right : wrong
      }
    case .nodeFile(let file):
      switch await nodeFile(file) {
      case .failure(let reason): return .error("cannot work out the answer: \(reason.text)")
      case .success(let expected): return AnswerEquivalence(kind: file.kind).same(expected, text) ? right : wrong
      }
    }
  }

  /// The right answer written out: the first accepted text, the number, the set's items; a
  /// computed answer from the snapshot; a regex's example. Nil for a regex without one, or a
  /// failed read.
  func expected(snapshot: ClusterSnapshot) async -> String? {
    switch answer {
    case .fixed(let expected):
      switch expected.rule {
      case .text(let texts): return texts.first
      case .number(let number): return number.pointsText
      case .set(let items): return items.joined(separator: ", ")
      case .regex: return expected.example
      }
    case .count(let query):
      return try? selected(query, ReadKey(query, labNamespace: labNamespace), snapshot).get().count.description
    case .field(let query, let template, let extract, _):
      return try? field(query, ReadKey(query, labNamespace: labNamespace), template, extract, snapshot).get()
    case .nodeFile(let file):
      return try? await nodeFile(file).get()
    }
  }

  private struct Reason: Error {
    var text: String
  }

  private func selected(_ query: ObjectQuery, _ key: ReadKey, _ snapshot: ClusterSnapshot) -> Result<[JSON], Reason> {
    switch snapshot.outcome(key) {
    case .failed(let reason): return .failure(Reason(text: reason))
    case .objects(let objects): return .success(query.selecting(objects))
    }
  }

  /// The printed value of the jsonpath on the one object the query selects, or the first capture
  /// group of `extract` in it.
  private func field(
    _ query: ObjectQuery, _ key: ReadKey, _ template: JSONPathTemplate, _ extract: String?,
    _ snapshot: ClusterSnapshot
  ) -> Result<String, Reason> {
    selected(query, key, snapshot).flatMap { objects in
      guard objects.count == 1, let object = objects.first else {
        let what = query.name.map { "\(key.resource.singular) \($0)\(key.location)" } ?? key.description
        return .failure(
          Reason(text: objects.isEmpty ? "\(what) not found" : "\(what) selects \(objects.count) objects, expected one")
        )
      }
      let text: String
      do {
        text = try template.render(object)
      } catch {
        return .failure(Reason(text: "\(template) cannot be evaluated: \(error)"))
      }
      guard let extract else { return .success(text) }
      return Self.extracting(extract, from: text).map { .success($0) }
        ?? .failure(Reason(text: "\(template) of the object has no match for /\(extract)/"))
    }
  }

  /// The node file's text, trimmed, or the first capture group of `extract` in it.
  private func nodeFile(_ file: NodeFileAnswer) async -> Result<String, Reason> {
    let name = "the file \(file.path) on \(file.node)"
    switch await nodeFiles.read(file.path, on: file.node) {
    case .missing: return .failure(Reason(text: "\(name) does not exist"))
    case .directory: return .failure(Reason(text: "\(name) is a directory, expected a file"))
    case .unreadable(let reason): return .failure(Reason(text: "\(name) cannot be read: \(reason)"))
    case .text(let text):
      guard let extract = file.extract else { return .success(AnswerText.trimmed(text)) }
      return Self.extracting(extract, from: text).map { .success($0) }
        ?? .failure(Reason(text: "\(name) has no match for /\(extract)/"))
    }
  }

  /// The first capture group of `pattern` in `text` (the whole match when it has none).
  private static func extracting(_ pattern: String, from text: String) -> String? {
    guard let expression = try? NSRegularExpression(pattern: pattern),
      let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let range = Range(match.range(at: match.numberOfRanges > 1 ? 1 : 0), in: text)
    else { return nil }
    return String(text[range])
  }
}
