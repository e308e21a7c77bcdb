import KubeModel

/// Evaluates an object assertion against the objects a read found (see docs/labs.md for the rules).
struct ObjectCheck {
  let query: ObjectQuery
  let key: ReadKey
  let assertion: ObjectAssertion

  func evaluate(_ outcome: ClusterSnapshot.Outcome) -> CheckOutcome {
    switch outcome {
    case .failed(let reason): return .error(reason)
    case .objects(let listed):
      return evaluate(query.selecting(listed))
    }
  }

  private func evaluate(_ objects: [JSON]) -> CheckOutcome {
    switch assertion {
    case .exists:
      if let name = query.name {
        return objects.isEmpty
          ? .fail("\(named(name)) not found\(key.location)") : .pass("\(named(name)) exists\(key.location)")
      }
      return objects.isEmpty ? .fail("found no \(key.description)") : .pass(found(objects.count))
    case .absent:
      if let name = query.name {
        return objects.isEmpty
          ? .pass("\(named(name)) does not exist\(key.location)") : .fail("\(named(name)) still exists\(key.location)")
      }
      return objects.isEmpty ? .pass("found no \(key.description)") : .fail(found(objects.count) + ", expected none")
    case .count(let range):
      let message = found(objects.count) + ", expected " + Self.describe(range)
      let holds = (range.min.map { objects.count >= $0 } ?? true) && (range.max.map { objects.count <= $0 } ?? true)
      return holds ? .pass(message) : .fail(message)
    case .match(let expected, let ordered):
      return match(objects, expected, PartialMatch(ordered: ordered))
    case .jsonpath(let template, let comparison):
      return compare(objects, template, comparison)
    }
  }

  private func match(_ objects: [JSON], _ expected: JSON, _ matcher: PartialMatch) -> CheckOutcome {
    if let missing = missing(objects) { return missing }
    let results = objects.map { matcher.compare(expected, $0) }
    if let index = results.firstIndex(where: \.matches) {
      return .pass("\(describe(objects[index])) matches")
    }
    // The first of the best: `max(by:)` keeps the earliest of equals.
    guard let best = results.indices.max(by: { results[$0].score < results[$1].score }) else { return .fail("") }
    let mismatch = results[best].mismatch ?? ""
    if query.name != nil { return .fail("\(describe(objects[best])): \(mismatch)") }
    return .fail("no \(key.description) match; the closest, \(name(of: objects[best])): \(mismatch)")
  }

  /// With a name, that object; without, at least one selected object must satisfy the comparison.
  private func compare(_ objects: [JSON], _ template: JSONPathTemplate, _ comparison: ValueComparison) -> CheckOutcome {
    if let missing = missing(objects) { return missing }
    var problems: [String] = []
    for object in objects {
      let value: PrintedValue
      do {
        value = try PrintedValue(template, on: object)
      } catch {
        problems.append("\(describe(object)): \(template) cannot be evaluated: \(error)")
        continue
      }
      do {
        guard let problem = try value.problem(with: comparison) else {
          return .pass("\(describe(object)): \(template) is \(ValueText.quoted(value.text))")
        }
        problems.append("\(describe(object)): \(template) \(problem)")
      } catch {
        return .error("the check's regular expression does not compile: \(error)")
      }
    }
    if objects.count == 1 { return .fail(problems[0]) }
    return .fail("none of the \(objects.count) \(key.description) passes; \(problems[0])")
  }

  /// A fail when nothing was selected, for assertions about the selected objects.
  private func missing(_ objects: [JSON]) -> CheckOutcome? {
    guard objects.isEmpty else { return nil }
    if let name = query.name { return .fail("\(named(name)) not found\(key.location)") }
    return .fail("found no \(key.description)")
  }

  /// `found 2 pods with app=web in namespace web`.
  private func found(_ count: Int) -> String {
    count == 1 ? "found 1 \(key.resource.singular)\(key.selection)" : "found \(count) \(key.description)"
  }

  private func named(_ name: String) -> String { "\(key.resource.singular) \(name)" }

  /// `pod nginx in namespace default`.
  private func describe(_ object: JSON) -> String { name(of: object) + key.location }

  /// `pod nginx`.
  private func name(of object: JSON) -> String { named(object[path: ["metadata", "name"]]?.stringValue ?? "?") }

  static func describe(_ range: CountRange) -> String {
    switch (range.min, range.max) {
    case (let min?, let max?) where min == max: return "\(min)"
    case (let min?, let max?): return "between \(min) and \(max)"
    case (let min?, nil): return "at least \(min)"
    case (nil, let max?): return "at most \(max)"
    case (nil, nil): return "any number"
    }
  }
}
