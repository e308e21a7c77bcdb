/// Levenshtein distance, for "did you mean" suggestions on misspelt keys and names.
enum EditDistance {
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, left) in a.enumerated() {
      var current = [i + 1]
      for (j, right) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// The closest candidate within distance 2, if any.
  static func suggestion(for word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { (candidate: $0, distance: between(word, $0)) }.filter { $0.distance <= 2 }
    return scored.min { $0.distance < $1.distance }?.candidate
  }

  /// `; did you mean `x`?` or nothing, to append to a message.
  static func didYouMean(_ word: String, among candidates: [String]) -> String {
    suggestion(for: word, among: candidates).map { "; did you mean `\($0)`?" } ?? ""
  }
}
