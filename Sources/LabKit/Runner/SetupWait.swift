import KubeClient
import KubeModel

/// A `wait` step: polls until enough of the selected objects exist and, with a condition, all of
/// them have it True.
struct SetupWait: Sendable {
  let step: WaitStep
  let cluster: LabCluster
  /// The lab's namespace, for a step that names none.
  let defaultNamespace: String

  static let defaultTimeout = Duration.seconds(60)
  static let interval = Duration.milliseconds(500)

  var namespace: String? { step.query.resource.namespaced ? step.query.namespace ?? defaultNamespace : nil }
  var required: Int { step.count ?? 1 }

  /// Waits, reporting the state each time it changes; on timeout throws what was found.
  func run(progress: @Sendable (RunnerProgress) -> Void) async throws {
    let timeout = step.within ?? Self.defaultTimeout
    let deadline = ContinuousClock.now + timeout
    var lastReport = ""
    while true {
      let objects = try await selected()
      let ready = step.condition.map { condition in objects.filter { Self.has(condition, $0) } } ?? objects
      let done = objects.count >= required && ready.count == objects.count
      let report = "waiting for \(subject)\(step.condition.map { " to be \($0)" } ?? ""): \(ready.count)/\(required)"
      if report != lastReport {
        progress(.waiting(report))
        lastReport = report
      }
      if done { return }
      guard ContinuousClock.now < deadline else {
        throw RunnerFailure("timed out after \(timeout.formattedSeconds): \(found(objects, ready: ready))")
      }
      try await Task.sleep(for: Self.interval)
    }
  }

  /// `3 pods (app=web) in namespace web`, `deployments web in namespace shop`.
  var subject: String { step.count.map { "\($0) \(selection)" } ?? selection }

  /// `pods (app=web) in namespace web`: which objects, without how many.
  private var selection: String {
    let query = step.query
    var text = query.resource.plural
    if let name = query.name { text += " \(name)" }
    let selectors = [query.selector?.description, query.fieldSelector?.description].compactMap { $0 }
    if !selectors.isEmpty { text += " (\(selectors.joined(separator: ", ")))" }
    if let namespace { text += " in namespace \(namespace)" }
    return text
  }

  private func found(_ objects: [JSON], ready: [JSON]) -> String {
    let names = objects.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
    var text =
      objects.isEmpty
      ? "found no \(selection)"
      : "found \(objects.count) of \(required) \(selection) (\(names.joined(separator: ", ")))"
    if let condition = step.condition, !objects.isEmpty {
      let waiting = objects.filter { !Self.has(condition, $0) }.compactMap {
        $0[path: ["metadata", "name"]]?.stringValue
      }
      if !waiting.isEmpty { text += "; not \(condition): \(waiting.joined(separator: ", "))" }
    }
    return text
  }

  /// The objects the query selects, leaving out those being deleted (a reset's old pods).
  private func selected() async throws -> [JSON] {
    let query = step.query
    let options = ListOptions(
      labelSelector: query.selector?.description, fieldSelector: query.fieldSelector?.description)
    let items = try await cluster.client.listAll(cluster.ref(query.resource), namespace: namespace, options: options)
    return items.filter { item in
      item[path: ["metadata", "deletionTimestamp"]] == nil
        && (query.name == nil || item[path: ["metadata", "name"]]?.stringValue == query.name)
    }
  }

  private static func has(_ condition: String, _ object: JSON) -> Bool {
    (object[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
      $0["type"]?.stringValue == condition && $0["status"]?.stringValue == "True"
    }
  }
}
