import Foundation
import KubeModel
import KubeSim
import Synchronization
import Testing

/// Watch lines are written off the store's lock and shared between the watches that send an event
/// in the same form: a write never waits for a watch, and each watch keeps its own selectors' view
/// and gets the Table column definitions in its own first event.
@Suite struct WatchRenderingTests {
  static let configMaps = "/api/v1/namespaces/default/configmaps"
  static let table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"

  /// What one watch sent, collected from whichever thread sends it.
  final class Sent: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
    var types: [String] { all.compactMap { try? JSON(parsing: $0)["type"]?.stringValue } }
  }

  /// Starts a watch of the default namespace's ConfigMaps through the API, as the HTTP layer does.
  func watch(_ server: TestServer, query: String = "", accept: String? = nil) throws -> (
    stream: any ResponseStream, sent: Sent
  ) {
    let request = APIRequest(
      method: "GET", uri: Self.configMaps + "?watch=true" + query, headers: accept.map { [("Accept", $0)] } ?? [],
      body: [], user: nil)
    guard case .stream(let stream) = server.server.api.handle(request).body else {
      throw WatchNotStarted()
    }
    let sent = Sent()
    let started = stream.start(send: { sent.append($0) }, finish: {})
    #expect(started)
    return (stream, sent)
  }

  struct WatchNotStarted: Error {}

  final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
  }

  /// Waits up to `seconds` for `condition`, looking every 10 ms without holding a thread: the
  /// renderer sends from its own queue, which tells no one when it is done.
  func eventually(seconds: Double = 10, _ condition: () -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
  }

  func label(_ server: TestServer, _ value: String) async throws {
    _ = try await server.client.send(
      "PATCH", Self.configMaps + "/a", body: ["metadata": ["labels": ["watched": .string(value)]]],
      contentType: "application/merge-patch+json")
  }

  @Test func watchesOfOneFormSendTheSameLinesAndSelectorsKeepTheirOwnView() async throws {
    let server = try TestServer()
    let first = try watch(server)
    let second = try watch(server)
    let selected = try watch(server, query: "&labelSelector=watched%3Don")
    defer { [first, second, selected].forEach { $0.stream.stop() } }
    _ = try await server.client.send("POST", Self.configMaps, body: ["metadata": ["name": "a"]])
    try await label(server, "on")
    try await label(server, "off")
    _ = try await server.client.send("DELETE", Self.configMaps + "/a")
    #expect(
      try await eventually { first.sent.all.count == 4 && second.sent.all.count == 4 && selected.sent.types.count == 2 }
    )
    #expect(first.sent.types == ["ADDED", "MODIFIED", "MODIFIED", "DELETED"])
    #expect(first.sent.all == second.sent.all)
    #expect(selected.sent.types == ["ADDED", "DELETED"])
    let added = try JSON(parsing: try #require(selected.sent.all.first))
    #expect(added[path: ["object", "metadata", "labels", "watched"]] == "on")
  }

  @Test func tableWatchesShareRowsButEachGetsTheColumnDefinitionsInItsFirstEvent() async throws {
    let server = try TestServer()
    let early = try watch(server, accept: Self.table)
    defer { early.stream.stop() }
    _ = try await server.client.send("POST", Self.configMaps, body: ["metadata": ["name": "a"]])
    #expect(try await eventually { early.sent.all.count == 1 })
    // Starts with its backlog: ConfigMap a, the event the early watch has just sent.
    let late = try watch(server, accept: Self.table)
    defer { late.stream.stop() }
    try await label(server, "on")
    #expect(try await eventually { early.sent.all.count == 2 && late.sent.all.count == 2 })
    let columns = try (early.sent.all + late.sent.all).map {
      try JSON(parsing: $0)[path: ["object", "columnDefinitions"]]?.arrayValue?.count ?? 0
    }
    #expect(columns.map { $0 > 0 } == [true, false, true, false])
    #expect(early.sent.all.last == late.sent.all.last)
  }

  @Test func aWriteDoesNotWaitForAWatchThatIsSlowToSend() async throws {
    let server = try TestServer()
    let request = APIRequest(method: "GET", uri: Self.configMaps + "?watch=true", headers: [], body: [], user: nil)
    guard case .stream(let stream) = server.server.api.handle(request).body else { throw WatchNotStarted() }
    defer { stream.stop() }
    let gate = DispatchSemaphore(value: 0)
    let sent = Sent()
    let started = stream.start(
      send: { line in
        gate.wait()
        sent.append(line)
      }, finish: {})
    #expect(started)
    let written = Flag()
    let cluster = server.cluster
    let configMaps = try #require(cluster.catalog.resource(groupVersion: "v1", plural: "configmaps"))
    // A thread of its own, for the write may block: it did while the store sent events itself.
    Thread {
      _ = try? cluster.create(configMaps, namespace: "default", object: ["metadata": ["name": "a"]])
      written.set()
    }.start()
    let writtenWhileTheWatchWaited = try await eventually(seconds: 5) { written.isSet }
    gate.signal()
    #expect(writtenWhileTheWatchWaited)
    #expect(try await eventually { sent.types == ["ADDED"] })
  }
}
