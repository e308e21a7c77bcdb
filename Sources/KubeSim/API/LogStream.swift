import Foundation

/// `kubectl logs -f`: the container's log so far, then each new line until its process exits or
/// the client leaves.
final class LogStream: ResponseStream, @unchecked Sendable {
  let logs: PodLogs
  let podUID: String
  let container: String
  let query: PodLogs.Query
  let selection: LogSelection
  /// Far longer than any lab: the kubelet keeps a follow open for as long as the container runs.
  let timeout: TimeInterval = 24 * 3600
  private let lock = NSLock()
  private var followID: Int?

  init(logs: PodLogs, podUID: String, container: String, query: PodLogs.Query, selection: LogSelection) {
    self.logs = logs
    self.podUID = podUID
    self.container = container
    self.query = query
    self.selection = selection
  }

  func start(send: @escaping (String) -> Void, finish: @escaping () -> Void) -> Bool {
    // The first piece is the log so far, to which --tail and --limit-bytes apply.
    var first = true
    let id = logs.follow(
      podUID: podUID, container: container, query,
      send: { [selection, lock] text in
        let isFirst = lock.withLock {
          defer { first = false }
          return first
        }
        send(isFirst ? selection.apply(to: text) : text)
      }, finish: finish)
    lock.withLock {
      first = false
      followID = id
    }
    return true
  }

  func stop() {
    if let id = lock.withLock({ followID }) { logs.stopFollowing(id) }
  }
}
