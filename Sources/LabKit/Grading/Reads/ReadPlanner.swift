/// Walks checks (into combinators) and computed answers to find the reads they need, so that a
/// grading pass can make each of them once before evaluating anything.
struct ReadPlanner {
  let labNamespace: String
  private(set) var keys: [ReadKey] = []
  private var seen: Set<ReadKey> = []

  init(labNamespace: String) {
    self.labNamespace = labNamespace
  }

  mutating func add(_ check: Check) {
    switch check.kind {
    case .objects(let query, _): add(query)
    case .all(let checks), .any(let checks): checks.forEach { add($0) }
    case .not(let check): add(check)
    case .script, .file, .exec: break
    }
  }

  mutating func add(_ answer: Answer) {
    switch answer {
    case .fixed, .nodeFile: break
    case .count(let query), .field(let query, _, _, _): add(query)
    }
  }

  /// The reads one check needs, in the order first met.
  static func keys(of check: Check, labNamespace: String) -> [ReadKey] {
    var planner = ReadPlanner(labNamespace: labNamespace)
    planner.add(check)
    return planner.keys
  }

  private mutating func add(_ query: ObjectQuery) {
    let key = ReadKey(query, labNamespace: labNamespace)
    if seen.insert(key).inserted { keys.append(key) }
  }
}
