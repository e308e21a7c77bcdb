import Foundation
import KubeModel

/// One watch: newline-delimited events of a resource, filtered by namespace and selectors, until
/// the timeout or the client goes away. The HTTP layer supplies how lines are sent.
/// `@unchecked Sendable`: its watch id and column flag are guarded by `lock`, an NSLock, which the
/// compiler cannot check.
public final class WatchStream: ResponseStream, @unchecked Sendable {
  let store: ObjectStore
  let resource: ServedResource
  let namespace: String?
  let filter: ObjectFilter
  let since: Int?
  let table: TableNegotiation?
  /// How long the stream stays open, as `timeoutSeconds` asks (the real server's default is 30–60 min).
  public let timeout: TimeInterval
  private let lock = NSLock()
  private var watchID: Int?
  private var sentColumns = false

  init(
    store: ObjectStore, resource: ServedResource, namespace: String?, filter: ObjectFilter, since: Int?,
    table: TableNegotiation?, timeout: TimeInterval
  ) {
    self.store = store
    self.resource = resource
    self.namespace = namespace
    self.filter = filter
    self.since = since
    self.table = table
    self.timeout = timeout
  }

  /// Starts delivering events to `send`, one JSON line each. Returns false when the requested
  /// resourceVersion is too old; the caller then sends the 410 event and ends the stream.
  public func start(send: @escaping (String) -> Void, finish: @escaping () -> Void) -> Bool {
    let outcome = store.watch(resource: resource.groupResource, namespace: namespace, since: since) {
      [weak self] event in
      guard let self, let line = self.line(for: event) else { return }
      send(line)
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
      lock.withLock { watchID = id }
      return true
    }
  }

  public func stop() {
    let id = lock.withLock { () -> Int? in
      defer { watchID = nil }
      return watchID
    }
    if let id { store.stopWatching(id) }
  }

  /// The event as the client should see it: an object that starts or stops matching the selectors
  /// is reported as ADDED or DELETED, as the real watch cache does.
  func line(for event: StoreEvent) -> String? {
    let matchesNow = filter.matches(event.object)
    let matchedBefore = event.previous.map(filter.matches) ?? false
    let type: String
    switch event.kind {
    case .added:
      guard matchesNow else { return nil }
      type = "ADDED"
    case .deleted:
      guard matchesNow || matchedBefore else { return nil }
      type = "DELETED"
    case .modified:
      switch (matchedBefore, matchesNow) {
      case (true, true): type = "MODIFIED"
      case (false, true): type = "ADDED"
      case (true, false): type = "DELETED"
      case (false, false): return nil
      }
    }
    let object: JSON
    if let table {
      let includeColumns = lock.withLock { () -> Bool in
        defer { sentColumns = true }
        return !sentColumns
      }
      object = table.render(
        [event.object], resource, resourceVersion: event.resourceVersion, includeColumnDefinitions: includeColumns)
    } else {
      object = event.object
    }
    return JSON.object(["type": .string(type), "object": object]).serialized() + "\n"
  }
}
