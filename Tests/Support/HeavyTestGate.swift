/// Lets two heavy tests run at a time: those that host sandboxes and run kubelab or kubectl
/// processes for a minute. Swift Testing starts every suite in parallel, and on a two-core machine
/// a dozen of them together slow every kubectl call so much that unrelated tests time out. Two, not
/// one: the test helpers await their processes without holding a thread, and polls sample every
/// tenth of a second, so a second heavy test fills the time the first spends waiting.
public actor HeavyTestGate {
  public static let shared = HeavyTestGate(slots: 2)

  private var free: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(slots: Int) {
    free = slots
  }

  /// Runs `body` once a slot is free.
  public static func run<Value>(_ body: () async throws -> Value) async throws -> Value {
    await shared.acquire()
    do {
      let value = try await body()
      await shared.release()
      return value
    } catch {
      await shared.release()
      throw error
    }
  }

  private func acquire() async {
    if free > 0 {
      free -= 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  private func release() {
    if waiting.isEmpty {
      free += 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
