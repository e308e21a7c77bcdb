import KubeModel

/// Compares an object with a check's `match`: a partial object.
///
/// - Maps are subsets: every written key must be there and match; other keys are ignored.
/// - Lists: each written element must match a distinct element of the object's list, in any order;
///   with `ordered`, in the written order (other elements may come between them).
/// - Scalars are equal as JSON values, with two allowances for how YAML gets written: numbers
///   compare by value (`3` matches `3.0`), and a string matches a number or boolean that kubectl
///   prints as that text (`port: "80"` matches `80`, `replicas: 3` matches `"3"`), since both
///   spellings appear in manifests and an author should not have to guess which one the API stores.
/// - `null` matches a missing field or a null one, so a match can require that a field is unset.
///
/// Every comparison also counts how many written leaves matched, so that when no object matches,
/// the message can name the closest one and its first mismatching field.
struct PartialMatch {
  let ordered: Bool

  struct Result {
    /// Written leaves that matched.
    var score: Int
    /// The first difference, as a message (`.spec.replicas is 2, expected 3`); nil when it matches.
    var mismatch: String?

    var matches: Bool { mismatch == nil }
  }

  func compare(_ expected: JSON, _ actual: JSON?, at path: [ValueText.PathSegment] = []) -> Result {
    switch expected {
    case .null:
      if actual == nil || actual == .null { return Result(score: 1) }
      return differ(path, found: actual, expected: expected)
    case .object(let members):
      guard case .object(let actualMembers)? = actual else { return differ(path, found: actual, expected: expected) }
      var result = Result(score: 0)
      for (key, value) in members {
        let child = compare(value, actualMembers[key], at: path + [.key(key)])
        result.score += child.score
        if result.mismatch == nil { result.mismatch = child.mismatch }
      }
      return result
    case .array(let elements):
      guard case .array(let actualElements)? = actual else { return differ(path, found: actual, expected: expected) }
      return ordered
        ? compareInOrder(elements, actualElements, at: path) : compareInAnyOrder(elements, actualElements, at: path)
    default:
      guard let actual, Self.scalarsEqual(expected, actual) || Self.sameImage(expected, actual, at: path) else {
        return differ(path, found: actual, expected: expected)
      }
      return Result(score: 1)
    }
  }

  /// Finds a distinct element for every written one (augmenting paths: lists are short).
  private func compareInAnyOrder(_ expected: [JSON], _ actual: [JSON], at path: [ValueText.PathSegment]) -> Result {
    let results = expected.map { element in
      actual.indices.map { index in compare(element, actual[index], at: path + [.index(index)]) }
    }
    var owner = [Int?](repeating: nil, count: actual.count)
    func assign(_ item: Int, _ visited: inout [Bool]) -> Bool {
      for index in actual.indices where results[item][index].matches && !visited[index] {
        visited[index] = true
        if let other = owner[index], !assign(other, &visited) { continue }
        owner[index] = item
        return true
      }
      return false
    }
    let complete = expected.indices.allSatisfy { item in
      var visited = [Bool](repeating: false, count: actual.count)
      return assign(item, &visited)
    }
    if complete {
      let score = owner.indices.reduce(0) { sum, index in sum + (owner[index].map { results[$0][index].score } ?? 0) }
      return Result(score: score)
    }
    let score = results.reduce(0) { $0 + ($1.map(\.score).max() ?? 0) }
    if let item = expected.indices.first(where: { !results[$0].contains(where: \.matches) }) {
      return Result(score: score, mismatch: closest(results[item], to: expected[item], at: path))
    }
    return Result(
      score: score,
      mismatch: "\(ValueText.path(path)) has no distinct element for each of the \(expected.count) written ones")
  }

  /// Matches written elements to a subsequence of the object's list, each as early as possible
  /// (which finds one whenever one exists).
  private func compareInOrder(_ expected: [JSON], _ actual: [JSON], at path: [ValueText.PathSegment]) -> Result {
    var next = 0
    var score = 0
    for element in expected {
      let results = actual.indices.map { compare(element, actual[$0], at: path + [.index($0)]) }
      guard let index = actual.indices.first(where: { $0 >= next && results[$0].matches }) else {
        let scoreSoFar = score + (results.map(\.score).max() ?? 0)
        if results.contains(where: \.matches) {
          return Result(score: scoreSoFar, mismatch: "\(ValueText.path(path)) is not in the written order")
        }
        return Result(score: scoreSoFar, mismatch: closest(results, to: element, at: path))
      }
      score += results[index].score
      next = index + 1
    }
    return Result(score: score)
  }

  /// The mismatch of the element that came closest to a written one.
  private func closest(_ results: [Result], to element: JSON, at path: [ValueText.PathSegment]) -> String? {
    // The first of the best: `max(by:)` keeps the earliest of equals.
    guard let best = results.indices.max(by: { results[$0].score < results[$1].score }) else {
      return "\(ValueText.path(path)) is [], expected an element matching \(ValueText.quoted(element))"
    }
    return results[best].mismatch
  }

  private func differ(_ path: [ValueText.PathSegment], found: JSON?, expected: JSON) -> Result {
    let field = path.isEmpty ? "the object" : ValueText.path(path)
    let foundText = found.map { "is " + ValueText.quoted($0) } ?? "is missing"
    return Result(score: 0, mismatch: "\(field) \(foundText), expected \(ValueText.quoted(expected))")
  }

  /// A field named `image` matches the same image however spelt: `nginx` matches
  /// `docker.io/library/nginx:latest` (the tag counts, as in `equals`).
  static func sameImage(_ expected: JSON, _ actual: JSON, at path: [ValueText.PathSegment]) -> Bool {
    guard case .key("image")? = path.last, let wanted = expected.stringValue.flatMap(ImageReference.init),
      let found = actual.stringValue.flatMap(ImageReference.init)
    else { return false }
    return wanted.isSame(as: found)
  }

  static func scalarsEqual(_ expected: JSON, _ actual: JSON) -> Bool {
    if expected == actual { return true }
    if let left = expected.doubleValue, let right = actual.doubleValue { return left == right }
    switch (expected, actual) {
    case (.string(let text), .int), (.string(let text), .double), (.string(let text), .bool):
      return text == JSONPathTemplate.text(of: actual)
    case (.int, .string(let text)), (.double, .string(let text)), (.bool, .string(let text)):
      return text == JSONPathTemplate.text(of: expected)
    default: return false
    }
  }
}
