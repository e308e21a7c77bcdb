import Foundation
import Synchronization

/// `kubectl logs -f`: the container's log so far, then each new line until its process exits or
/// the client leaves.
final class LogStream: ResponseStream, Sendable {
  let logs: PodLogs
  let podUID: String
  let container: String
  let query: PodLogs.Query
  let selection: LogSelection
  /// Far longer than any lab: the kubelet keeps a follow open for as long as the container runs.
  let timeout: TimeInterval = 24 * 3600
  private let state = Mutex(State())

  private struct State {
    var followID: Int?
    var sentFirst = false
  }

  init(logs: PodLogs, podUID: String, container: String, query: PodLogs.Query, selection: LogSelection) {
    self.logs = logs
    self.podUID = podUID
    self.container = container
    self.query = query
    self.selection = selection
  }

  func start(send: @escaping @Sendable (String) -> Void, finish: @escaping @Sendable () -> Void) -> Bool {
    // The first piece is the log so far, to which --tail and --limit-bytes apply.
    let id = logs.follow(
      podUID: podUID, container: container, query,
      send: { [weak self, selection] text in
        // A piece can be the first only while `start` runs, when self is surely alive.
        let isFirst =
          self?.state.withLock { state in
            defer { state.sentFirst = true }
            return !state.sentFirst
          } ?? false
        send(isFirst ? selection.apply(to: text) : text)
      }, finish: finish)
    state.withLock {
      $0.sentFirst = true
      $0.followID = id
    }
    return true
  }

  func stop() {
    if let id = state.withLock({ $0.followID }) { logs.stopFollowing(id) }
  }
}
