import Foundation
import KubeClient
import KubeModel
import Testing

@Suite("Client: watch streams events as they happen and stops when cancelled")
struct ClientWatchTests {
  @Test func aCreatedPodArrivesAsAddedWithinASecond() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let watchersBefore = sandbox.sandbox.cluster.store.watcherCount
    let list = try await client.list(.testPods)
    let resourceVersion = list[path: ["metadata", "resourceVersion"]]?.stringValue
    let events = client.watch(.testPods, options: ListOptions(resourceVersion: resourceVersion))
    let watcher = Task { () -> (WatchEvent, Date)? in
      for try await event in events where event.object[path: ["metadata", "name"]] == "watched" {
        return (event, Date())
      }
      return nil
    }
    try await waitForWatchers(sandbox, count: watchersBefore + 1)  // the watch is live before the change
    _ = try await client.create(.testPods, podManifest("watched"))
    let (event, _) = try #require(try await watcher.value)
    #expect(event.type == .added)
  }

  @Test func cancellingAbortsALongWatchAndClosesItsConnection() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    let store = sandbox.sandbox.cluster.store
    let watchersBefore = store.watcherCount
    let watcher = Task { () -> Int in
      var count = 0
      for try await _ in client.watch(.testPods, allNamespaces: true) { count += 1 }
      return count
    }
    try await waitForWatchers(sandbox, count: watchersBefore + 1)
    #expect(store.watcherCount == watchersBefore + 1)
    let start = Date()
    watcher.cancel()
    _ = await watcher.result
    // The server forgets the watch only when the client's transfer aborts and the socket closes.
    while store.watcherCount > watchersBefore && secondsSince(start) < 30 {
      try await Task.sleep(nanoseconds: 50_000_000)
    }
    #expect(store.watcherCount == watchersBefore)
  }

  @Test func aWatchStartIsRetriedAfterAServerError() async throws {
    let sandbox = try ClientTestSandbox()
    let client = try sandbox.client()
    sandbox.faults.inject(.status(503))
    var iterator = client.watch(.testPods, namespace: "kube-system").makeAsyncIterator()
    let first = try await iterator.next()
    #expect(first?.type == .added)  // existing pods first, once the retried start succeeded
  }
}

/// Waits until the sandbox serves `count` watches. A condition poll: the store tells no one when a
/// watch starts. The deadline is wide because under a full parallel run the watching task may
/// wait a while for a thread; it costs time only on failure.
private func waitForWatchers(_ sandbox: ClientTestSandbox, count: Int) async throws {
  let start = Date()
  while sandbox.sandbox.cluster.store.watcherCount < count && secondsSince(start) < 120 {
    try await Task.sleep(nanoseconds: 20_000_000)
  }
}
