import Foundation
import LabKit
import Synchronization
import Testing

@Suite("SessionStore: one locked, atomically written session per cluster and lab")
struct SessionStoreTests {
  let store = SessionStore(directory: NSTemporaryDirectory() + "kubelab-sessions-" + UUID().uuidString)
  let start = Date(timeIntervalSince1970: 1_700_000_000)

  @Test("a session written is the session read")
  func roundTrip() throws {
    var session = Session(lab: "pods", cluster: "kind-kind", startedAt: start, deadline: start + 1200)
    session.answers["q"] = RecordedAnswer(text: "3", at: start + 5)
    session.record(task: "q", status: .passed, earned: 1, points: 1, at: start + 6)
    session.hintsRevealed["a"] = 2
    session.solutionsRevealed = ["a"]
    var made = Provisioning(lab: "pods")
    made.namespaces = ["web"]
    made.objects = [Provisioning.Object(apiVersion: "apps/v1", kind: "Deployment", namespace: "web", name: "web")]
    session.provisioning = made
    session.workdir = "/tmp/work"
    let written = session
    try store.update(cluster: "kind-kind", lab: "pods") { $0 = written }
    #expect(try store.load(cluster: "kind-kind", lab: "pods") == written)
    #expect(try store.load(cluster: "kind-kind", lab: "other") == nil)
    try store.remove(cluster: "kind-kind", lab: "pods")
    #expect(try store.load(cluster: "kind-kind", lab: "pods") == nil)
  }

  @Test("concurrent updates from many tasks lose none")
  func concurrentUpdates() async throws {
    let store = store
    let start = start
    try store.update(cluster: "c", lab: "l") { $0 = Session(lab: "l", cluster: "c", startedAt: start) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<20 {
        group.addTask {
          // Each update opens the lock file itself, as a separate command would.
          try SessionStore(directory: store.directory).update(cluster: "c", lab: "l") { session in
            session?.hintsRevealed["t", default: 0] += 1
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try store.load(cluster: "c", lab: "l")?.hintsRevealed["t"] == 20)
  }

  @Test("concurrent updates from separate threads lose none")
  func threadUpdates() throws {
    try store.update(cluster: "c", lab: "l") { $0 = Session(lab: "l", cluster: "c", startedAt: start) }
    let directory = store.directory
    let failures = Mutex<[String]>([])
    let done = DispatchGroup()
    for _ in 0..<2 {
      done.enter()
      Thread.detachNewThread {
        for _ in 0..<10 {
          do {
            try SessionStore(directory: directory).update(cluster: "c", lab: "l") {
              $0?.hintsRevealed["t", default: 0] += 1
            }
          } catch {
            failures.withLock { $0.append("\(error)") }
          }
        }
        done.leave()
      }
    }
    done.wait()
    #expect(failures.withLock { $0 } == [])
    #expect(try store.load(cluster: "c", lab: "l")?.hintsRevealed["t"] == 20)
  }

  @Test("an error result never lowers or replaces a score, but is kept in the history")
  func errorKeepsScore() {
    var session = Session(lab: "l", cluster: "c", startedAt: start)
    session.record(task: "a", status: .passed, earned: 2, points: 2, at: start + 1)
    session.record(task: "a", status: .error, earned: 0, points: 2, at: start + 2)
    session.record(task: "b", status: .partial, earned: 1, points: 3, at: start + 3)
    #expect(session.scores["a"] == TaskScore(earned: 2, points: 2, status: .passed, at: start + 1))
    #expect(session.history.map(\.status) == [.passed, .error, .partial])
    #expect(session.score == 3)
    #expect(session.points == 5)
    session.record(task: "a", status: .failed, earned: 0, points: 2, at: start + 4)
    #expect(session.scores["a"]?.status == .failed, "a real failure does replace the score")
    #expect(session.score == 1)
  }

  @Test("a file that is not a session is an error naming the file")
  func undecodable() throws {
    try store.update(cluster: "c", lab: "l") { $0 = Session(lab: "l", cluster: "c", startedAt: start) }
    let file = store.file(cluster: "c", lab: "l")
    try Data("{\"lab\": 3}".utf8).write(to: URL(fileURLWithPath: file))
    let error = try #require(throws: SessionStoreError.self) { try store.load(cluster: "c", lab: "l") }
    #expect(error.description.contains(file))
    #expect(throws: SessionStoreError.self) { try store.update(cluster: "c", lab: "l") { _ in } }
    try Data("not json".utf8).write(to: URL(fileURLWithPath: file))
    #expect(throws: SessionStoreError.unreadable(file, "it is not valid JSON")) {
      try store.load(cluster: "c", lab: "l")
    }
  }

  @Test("any cluster name makes a file in the store's folder, distinct per cluster and lab")
  func fileNames() throws {
    let names = [
      store.file(cluster: "arn:aws:eks:eu-west-1:1:cluster/prod", lab: "pods"),
      store.file(cluster: "../x", lab: "pods"), store.file(cluster: "a@b", lab: "c"),
      store.file(cluster: "a", lab: "b@c"),
    ]
    #expect(Set(names).count == names.count)
    for name in names { #expect((name as NSString).deletingLastPathComponent == store.directory) }
  }

  @Test("the current lab of a cluster is remembered and can be cleared")
  func currentLab() throws {
    #expect(store.currentLab(cluster: "ctx/1") == nil)
    try store.setCurrentLab("pods", cluster: "ctx/1")
    try store.setCurrentLab("services", cluster: "ctx/2")
    #expect(store.currentLab(cluster: "ctx/1") == "pods")
    #expect(store.currentLab(cluster: "ctx/2") == "services")
    try store.setCurrentLab(nil, cluster: "ctx/1")
    #expect(store.currentLab(cluster: "ctx/1") == nil)
  }
}
