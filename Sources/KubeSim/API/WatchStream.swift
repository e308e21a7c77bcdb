import Foundation
import KubeModel
import Synchronization

/// One watch: newline-delimited events of a resource, filtered by namespace and selectors, until
/// the timeout or the client goes away. The HTTP layer supplies how lines are sent; the API's
/// watch renderer writes them, off the store's lock.
public final class WatchStream: ResponseStream, Sendable {
  let store: ObjectStore
  let renderer: WatchRenderer
  let resource: ServedResource
  let namespace: String?
  let filter: ObjectFilter
  let since: Int?
  let table: TableNegotiation?
  /// How long the stream stays open, as `timeoutSeconds` asks (the real server's default is 30–60 min).
  public let timeout: TimeInterval
  private let state = Mutex(State())

  private struct State {
    var watchID: Int?
    var stopped = false
    var sentColumns = false
  }

  init(
    store: ObjectStore, renderer: WatchRenderer, resource: ServedResource, namespace: String?, filter: ObjectFilter,
    since: Int?, table: TableNegotiation?, timeout: TimeInterval
  ) {
    self.store = store
    self.renderer = renderer
    self.resource = resource
    self.namespace = namespace
    self.filter = filter
    self.since = since
    self.table = table
    self.timeout = timeout
  }

  /// Starts delivering events to `send`, one JSON line each. Returns false when the requested
  /// resourceVersion is too old; the caller then sends the 410 event and ends the stream.
  public func start(send: @escaping @Sendable (String) -> Void, finish: @escaping @Sendable () -> Void) -> Bool {
    let renderer = renderer
    let outcome = store.watch(resource: resource.groupResource, namespace: namespace, since: since) {
      [weak self] event in
      // Under the store's lock: only queue the event, so no write waits for rendering or sending.
      guard let self else { return }
      renderer.enqueue(event, for: self, send: send)
    }
    switch outcome {
    case .expired:
      send(
        JSON.object([
          "type": "ERROR",
          "object": APIError.expired("too old resource version: \(since ?? 0) (\(store.resourceVersion))").status
            .toJSON(),
        ]).serialized() + "\n")
      return false
    case .started(let id):
      state.withLock { $0.watchID = id }
      return true
    }
  }

  public func stop() {
    let id = state.withLock { state -> Int? in
      defer { state.watchID = nil }
      state.stopped = true
      return state.watchID
    }
    if let id { store.stopWatching(id) }
  }

  var isStopped: Bool { state.withLock { $0.stopped } }

  /// The event's type as this watch reports it, or nil when the watch does not see it: an object
  /// that starts or stops matching the selectors is reported as ADDED or DELETED, as the real
  /// watch cache does.
  func reportedKind(of event: StoreEvent) -> StoreEvent.Kind? {
    let matchesNow = filter.matches(event.object)
    let matchedBefore = event.previous.map(filter.matches) ?? false
    switch event.kind {
    case .added: return matchesNow ? .added : nil
    case .deleted: return matchesNow || matchedBefore ? .deleted : nil
    case .modified:
      switch (matchedBefore, matchesNow) {
      case (true, true): return .modified
      case (false, true): return .added
      case (true, false): return .deleted
      case (false, false): return nil
      }
    }
  }

  /// The form of the next object this watch sends: a Table carries its column definitions in the
  /// watch's first event only.
  func nextForm() -> WatchRenderer.Form {
    guard table != nil else { return .json }
    let includeColumns = state.withLock { state -> Bool in
      defer { state.sentColumns = true }
      return !state.sentColumns
    }
    return .table(columnDefinitions: includeColumns)
  }

  /// The event's object as this watch sends it in `form`.
  func render(_ event: StoreEvent, as form: WatchRenderer.Form) -> JSON {
    guard case .table(let includeColumns) = form, let table else { return event.object }
    return table.render(
      [event.object], resource, resourceVersion: event.resourceVersion, includeColumnDefinitions: includeColumns)
  }
}
