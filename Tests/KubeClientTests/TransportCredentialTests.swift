import Dispatch
import Foundation
import KubeClient
import KubeModel
import Synchronization
import Testing

@Suite("Transport: credentials are read off the cooperative pool")
struct TransportCredentialTests {
  /// Getting credentials may run an exec plugin and wait seconds for it. With more requests
  /// waiting than the pool has threads, other tasks must still run: the transport reads
  /// credentials on its own queue. Were it to read them on the calling task's thread, the task
  /// that releases them could not run until the fallback released them instead.
  @Test func requestsWaitingForCredentialsLeaveThePoolFree() async throws {
    let sandbox = try ClientTestSandbox()
    let credentials = BlockingCredentials(sandbox.adminToken)
    var endpoint = sandbox.endpoint()
    endpoint.credentials = credentials
    let requests = ProcessInfo.processInfo.activeProcessorCount + 2
    let clients = try (0..<requests).map { _ in try KubeClient(endpoint: endpoint) }
    let lists = clients.map { client in Task { try await client.list(.testConfigMaps, namespace: "default") } }
    // A deadline, not a wait for time: only a broken transport leaves the release to it.
    DispatchQueue.global().asyncAfter(deadline: .now() + 30) { credentials.release(by: "the fallback") }
    // A condition poll: the credential source tells no one when a request starts waiting on it.
    while credentials.waiting < requests && credentials.releasedBy == nil {
      try await Task.sleep(for: .milliseconds(10))
    }
    await Task.detached { credentials.release(by: "a task on the pool") }.value
    for list in lists { #expect(try await list.value["kind"] == "ConfigMapList") }
    #expect(credentials.releasedBy == "a task on the pool")
  }
}

/// Credentials that keep every request waiting until `release`, as a slow exec plugin does.
private final class BlockingCredentials: CredentialSource, Sendable {
  private let credential: Credential
  private let state = Mutex<(waiting: Int, releasedBy: String?)>((0, nil))
  private let released = DispatchSemaphore(value: 0)

  init(_ credential: Credential) {
    self.credential = credential
  }

  var waiting: Int { state.withLock { $0.waiting } }
  var releasedBy: String? { state.withLock { $0.releasedBy } }

  func current() throws -> [Credential] {
    let alreadyReleased = state.withLock { state -> Bool in
      state.waiting += 1
      return state.releasedBy != nil
    }
    if !alreadyReleased {
      released.wait()
      released.signal()  // every waiting request goes on
    }
    return [credential]
  }

  func invalidate() {}

  /// Lets every request go on; the first caller is recorded.
  func release(by who: String) {
    let first = state.withLock { state -> Bool in
      guard state.releasedBy == nil else { return false }
      state.releasedBy = who
      return true
    }
    if first { released.signal() }
  }
}
