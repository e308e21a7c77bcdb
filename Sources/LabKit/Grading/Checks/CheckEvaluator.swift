/// Evaluates checks against a grading pass's snapshot, polling `within` checks.
struct CheckEvaluator {
  let snapshot: ClusterSnapshot
  let labNamespace: String
  /// For `script` checks: the cluster's KUBECONFIG.
  let environment: [String: String]
  /// Where `script` checks run (nil: the current directory).
  let scriptDirectory: String?
  /// Where relative `file` paths resolve.
  let fileDirectory: String
  /// How node checks reach a sandbox node.
  let nodeLogin: NodeLoginCommand
  /// Which failing `within` checks are waited for.
  let waiting: WaitPolicy
  /// Told once when `settle` starts waiting, with what it waits for (see `LabGrading.onWait`).
  var onWait: (@Sendable ([PendingWait]) -> Void)? = nil
  /// Ends the waiting early, keeping the grades found so far.
  var interruption: WaitInterruption? = nil
  static let pollInterval = Duration.milliseconds(500)

  /// The outcome of a check nested in a combinator; a check with `within` that does not pass is
  /// evaluated again every `pollInterval`, re-reading only the reads it needs, until it passes or
  /// the time is up. Errors are polled too: a 5xx or a dropped connection may be gone on the next
  /// try. Only `WaitPolicy.always` polls nested checks; the others decide at the top level.
  func evaluate(_ check: Check) async -> CheckOutcome {
    var outcome = await evaluateOnce(check)
    guard waiting == .always, outcome.verdict != .pass, let within = check.within else { return outcome }
    let clock = ContinuousClock()
    let deadline = clock.now + within
    let keys = ReadPlanner.keys(of: check, labNamespace: labNamespace)
    while outcome.verdict != .pass, clock.now < deadline, interruption?.isRequested != true {
      do {
        try await Task.sleep(for: min(Self.pollInterval, deadline - clock.now))
      } catch {
        break
      }
      await snapshot.refresh(keys)
      outcome = await evaluateOnce(check)
    }
    if outcome.verdict != .pass { outcome.message += " (after waiting \(within.formattedSeconds))" }
    return outcome
  }

  /// The outcomes of a grading pass's top-level checks, in order; `owners` names the task of each.
  /// Each is evaluated once, then the failing ones with `within` that the policy waits for are
  /// polled together, each round re-reading once what any of them needs. A pass so waits as long as
  /// its slowest check, not the sum of their waits.
  func settle(_ checks: [Check], owners: [String]) async -> [CheckOutcome] {
    var outcomes: [CheckOutcome] = []
    for check in checks { outcomes.append(await evaluateOnce(check)) }
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = { (index: Int) in start + (checks[index].within ?? .zero) }
    let started = Set(checks.indices.filter { outcomes[$0].verdict == .pass }.map { owners[$0] })
    var pending = checks.indices.filter { index in
      guard outcomes[index].verdict != .pass, checks[index].within != nil else { return false }
      switch waiting {
      case .never: return false
      case .always: return true
      case .startedWork: return started.contains(owners[index]) && !waitsForMissingObject(checks[index])
      }
    }
    if !pending.isEmpty {
      onWait?(
        pending.map {
          PendingWait(task: owners[$0], within: checks[$0].within ?? .zero, found: outcomes[$0].message)
        })
    }
    let waited = Set(pending)
    while !pending.isEmpty, interruption?.isRequested != true {
      do {
        try await Task.sleep(for: Self.pollInterval)
      } catch {
        break
      }
      var keys: [ReadKey] = []
      for index in pending {
        for key in ReadPlanner.keys(of: checks[index], labNamespace: labNamespace) where !keys.contains(key) {
          keys.append(key)
        }
      }
      await snapshot.refresh(keys)
      for index in pending { outcomes[index] = await evaluateOnce(checks[index]) }
      pending = pending.filter { outcomes[$0].verdict != .pass && clock.now < deadline($0) }
    }
    let interrupted = interruption?.isRequested == true
    for index in waited where outcomes[index].verdict != .pass {
      outcomes[index].message +=
        interrupted && pending.contains(index)
        ? " (stopped waiting after \(start.duration(to: clock.now).formattedSeconds))"
        : " (after waiting \((checks[index].within ?? .zero).formattedSeconds))"
    }
    return outcomes
  }

  /// Whether the check is about objects that are not there yet (nothing selected, for an assertion
  /// that needs something), so that waiting is for work nobody has started.
  private func waitsForMissingObject(_ check: Check) -> Bool {
    switch check.kind {
    case .objects(let query, let assertion):
      switch assertion {
      case .absent: return false
      case .count(let range) where (range.min ?? 0) == 0: return false
      default: break
      }
      guard case .objects(let listed) = snapshot.outcome(ReadKey(query, labNamespace: labNamespace)) else {
        return false
      }
      return query.selecting(listed).isEmpty
    case .all(let parts): return parts.contains(where: waitsForMissingObject)
    case .any(let parts): return parts.allSatisfy(waitsForMissingObject)
    case .not, .script, .file, .exec: return false
    }
  }

  private func evaluateOnce(_ check: Check) async -> CheckOutcome {
    var outcome: CheckOutcome
    switch check.kind {
    case .objects(let query, let assertion):
      let key = ReadKey(query, labNamespace: labNamespace)
      outcome = ObjectCheck(query: query, key: key, assertion: assertion).evaluate(snapshot.outcome(key))
    case .all(let checks): outcome = Self.all(await evaluate(checks))
    case .any(let checks): outcome = Self.any(await evaluate(checks))
    case .not(let check): outcome = Self.not(await evaluate(check))
    case .script(let script, let node):
      let command = node.map { nodeLogin.command(node: $0, script: script) } ?? script
      outcome = await ScriptCheck(
        command: command, shown: script, runsOnNode: node != nil, environment: environment, directory: scriptDirectory
      )
      .evaluate()
    case .file(let file):
      outcome = await FileCheckEvaluation(
        check: file, directory: fileDirectory, nodeLogin: nodeLogin, environment: environment
      ).evaluate()
    case .exec(let exec):
      outcome = await ExecCheckEvaluation(check: exec, labNamespace: labNamespace, environment: environment).evaluate()
    }
    if let hint = check.hint { outcome.hint = hint }
    return outcome
  }

  private func evaluate(_ checks: [Check]) async -> [CheckOutcome] {
    var outcomes: [CheckOutcome] = []
    for check in checks { outcomes.append(await evaluate(check)) }
    return outcomes
  }

  /// Fails when a part fails; else an error when a part could not be evaluated; else passes.
  static func all(_ parts: [CheckOutcome]) -> CheckOutcome {
    for verdict in [Verdict.fail, .error] where parts.contains(where: { $0.verdict == verdict }) {
      return combined(parts.filter { $0.verdict == verdict }, verdict)
    }
    return combined(parts, .pass)
  }

  /// Passes when a part passes; else an error when a part could not be evaluated; else fails.
  static func any(_ parts: [CheckOutcome]) -> CheckOutcome {
    if let passed = parts.first(where: { $0.verdict == .pass }) { return passed }
    if parts.contains(where: { $0.verdict == .error }) {
      return combined(parts.filter { $0.verdict == .error }, .error)
    }
    var outcome = combined(parts, .fail)
    outcome.message = "none of the alternatives holds: " + outcome.message
    return outcome
  }

  /// Swaps pass and fail; an error stays an error.
  static func not(_ part: CheckOutcome) -> CheckOutcome {
    switch part.verdict {
    case .pass: return .fail("expected this not to hold: \(part.message)")
    case .fail: return .pass(part.message)
    case .error: return part
    }
  }

  /// The parts' messages together, each once (parts that needed one failed read all report it),
  /// with the first hint among them.
  private static func combined(_ parts: [CheckOutcome], _ verdict: Verdict) -> CheckOutcome {
    var seen = Set<String>()
    let messages = parts.map(\.message).filter { seen.insert($0).inserted }
    return CheckOutcome(
      verdict: verdict, message: messages.joined(separator: "; "), hint: parts.lazy.compactMap(\.hint).first)
  }
}
