/// When a learner's answer says the same as the expected text: the one rule behind every text
/// answer, static or computed (docs/labs.md, "What counts as equal").
struct AnswerEquivalence {
  var kind: ValueKind = .text
  /// Exactly as written: no other spelling counts.
  var caseSensitive = false

  func same(_ expected: String, _ given: String) -> Bool {
    let expected = AnswerText.trimmed(expected)
    let given = AnswerText.trimmed(given)
    if caseSensitive { return expected == given }
    if expected.lowercased() == given.lowercased() { return true }
    switch kind {
    case .image(let tagRequired):
      guard let wanted = ImageReference(expected), let named = ImageReference(given) else { return false }
      return wanted.isAnswered(by: named, tagRequired: tagRequired)
    case .list:
      return AnswerEquivalence(caseSensitive: caseSensitive).sameItems(
        AnswerText.items(expected), AnswerText.items(given))
    case .text: break
    }
    if let number = Double(expected) { return Self.sameNumber(number, given) }
    if let wanted = AddressSpelling.address(expected), let named = AddressSpelling.address(given) {
      return wanted == named
    }
    if expected.contains("://"), let wanted = AddressSpelling.runtimeVersion(expected), wanted.runtime != nil,
      let named = AddressSpelling.runtimeVersion(given)
    {
      return named.version == wanted.version && (named.runtime == nil || named.runtime == wanted.runtime)
    }
    if let wanted = KubernetesQuantity.parse(expected), let named = KubernetesQuantity.parse(given),
      wanted.suffixed || named.suffixed
    {
      return wanted.value == named.value
    }
    return false
  }

  /// `3` is `3.0`, `three` and, as a quantity, `3000m`.
  static func sameNumber(_ number: Double, _ given: String) -> Bool {
    if let value = AnswerText.number(given) { return value == number }
    if let word = CountWords.value(given) { return Double(word) == number }
    if let quantity = KubernetesQuantity.parse(given) { return quantity.value == number }
    return false
  }

  /// The same items as many times each, in any order, each pair judged by `same`.
  func sameItems(_ expected: [String], _ given: [String]) -> Bool {
    guard expected.count == given.count else { return false }
    var unmatched = given
    for item in expected {
      guard let index = unmatched.firstIndex(where: { same(item, $0) }) else { return false }
      unmatched.remove(at: index)
    }
    return true
  }
}
