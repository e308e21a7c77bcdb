import Foundation

/// One thread that lives as long as the engine and starts every container process. bubblewrap's
/// `--die-with-parent` ties a container to the thread that started it (Linux's parent-death signal
/// follows the thread), so a pooled thread that retires would take its containers with it.
/// `@unchecked Sendable`: its job queue is guarded by an NSCondition the thread waits on, and each
/// job's result comes back through a semaphore; the compiler sees neither.
final class SpawnThread: @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [() -> Void] = []

  init() {
    let thread = Thread { [unowned self] in
      while true {
        condition.lock()
        while jobs.isEmpty { condition.wait() }
        let job = jobs.removeFirst()
        condition.unlock()
        job()
      }
    }
    thread.name = "kubelab.container-spawner"
    thread.start()
  }

  /// Runs `body` on the spawning thread and returns what it returns.
  func run<Value>(_ body: @escaping () throws -> Value) throws -> Value {
    let done = DispatchSemaphore(value: 0)
    var result: Result<Value, Error>!
    condition.lock()
    jobs.append {
      result = Result { try body() }
      done.signal()
    }
    condition.signal()
    condition.unlock()
    done.wait()
    return try result.get()
  }
}
