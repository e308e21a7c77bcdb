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
  private var waitingLong: [CheckedContinuation<Void, Never>] = []

  init(slots: Int) {
    free = slots
  }

  /// Runs `body` once a slot is free. A `long` body (one that holds its slot half a minute or
  /// more) goes ahead of the others waiting: started last, it would run alone at the end of the
  /// suite, and longest first keeps the end of a run even.
  public nonisolated func run<Value>(long: Bool = false, _ body: () async throws -> Value) async throws -> Value {
    await acquire(long: long)
    do {
      let value = try await body()
      await release()
      return value
    } catch {
      await release()
      throw error
    }
  }

  private func acquire(long: Bool) async {
    if free > 0 {
      free -= 1
      return
    }
    await withCheckedContinuation { continuation in
      if long { waitingLong.append(continuation) } else { waiting.append(continuation) }
    }
  }

  private func release() {
    if !waitingLong.isEmpty {
      waitingLong.removeFirst().resume()
    } else if !waiting.isEmpty {
      waiting.removeFirst().resume()
    } else {
      free += 1
    }
  }
}
