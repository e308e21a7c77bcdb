/// Lets a bounded number of tests, or of their child processes, run at a time. Swift Testing
/// starts every suite in parallel, and on a two-core machine a hundred kubectl processes started
/// together starve the sandboxes that serve them: TLS handshakes then miss kubectl's 10-second
/// deadline. Waiting for a slot holds no thread.
public actor TestGate {
  /// Tests that host sandboxes and run kubelab or kubectl processes for up to a minute. They wait
  /// on their processes and clusters more than they compute, and the slots are the suite's
  /// critical path: with four, the heavy tests held them end to end for 139 of the run's 145
  /// seconds while the two cores averaged 1.4 busy; with six the suite took 129 s.
  public static let heavyTests = TestGate(slots: 6)
  /// Child processes run to completion (kubectl, kubelab, python): enough to keep both cores
  /// busy while most of them wait on a server, few enough that none starves.
  public static let processes = TestGate(slots: 16)

  private var free: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(slots: Int) {
    free = slots
  }

  /// Runs `body` once a slot is free.
  public nonisolated func run<Value>(_ body: () async throws -> Value) async throws -> Value {
    await acquire()
    do {
      let value = try await body()
      await release()
      return value
    } catch {
      await release()
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
