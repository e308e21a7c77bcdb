import Foundation
import Synchronization

/// A started child process. It is spawned with `posix_spawn` directly, not Foundation's
/// `Process`, whose launch reads /proc/self/fd past glibc's buffer and can crash the parent
/// (swift-corelibs-foundation #5472). The child starts with no signal blocked and every signal
/// at its default (a Swift worker thread blocks most, and a child would inherit that), and with
/// no descriptor of the parent's but the three it is given.
///
/// The child is reaped only under the lock, after `waitid(WNOWAIT)` saw it end, so a signal sent
/// through `signal(_:)` can never reach another process that took its id.
public final class SpawnedProcess: Sendable {
  public let pid: pid_t
  private let termination = Mutex<ProcessTermination?>(nil)

  public init(_ command: ProcessCommand) throws {
    guard let calls = SpawnCalls.shared else {
      throw ProcessStartError(
        executable: command.executable,
        reason: "the C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34+)")
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if command.ownProcessGroup { flags |= POSIX_SPAWN_SETPGROUP }
    if command.newSession { flags |= SpawnCalls.setSessionFlag }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    posix_spawnattr_setpgroup(&attributes, 0)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // A parent started with stdin closed can hold a pipe on 0, 1 or 2, where an earlier stream's
    // set-up in the child would overwrite it: such a descriptor is handed over as a copy above 2.
    var lifted: [Int32] = []
    defer { lifted.forEach { close($0) } }
    func source(_ descriptor: Int32, for number: Int32) -> Int32 {
      guard descriptor <= 2, descriptor != number else { return descriptor }
      let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 3)
      guard copy >= 0 else { return descriptor }
      lifted.append(copy)
      return copy
    }
    for (number, stream) in [(Int32(0), command.input), (1, command.output), (2, command.error)] {
      switch stream {
      case .inherit: break
      case .nullDevice: posix_spawn_file_actions_addopen(&actions, number, "/dev/null", O_RDWR, 0)
      case .descriptor(let descriptor):
        posix_spawn_file_actions_adddup2(&actions, source(descriptor, for: number), number)
      case .file(let path, let openFlags): posix_spawn_file_actions_addopen(&actions, number, path, openFlags, 0o644)
      case .sameAs(let other): posix_spawn_file_actions_adddup2(&actions, other, number)
      }
    }
    _ = calls.addCloseFrom(&actions, 3)
    if let directory = command.directory { _ = calls.addChangeDirectory(&actions, directory) }

    let argv = ([command.executable] + command.arguments).map { strdup($0) } + [nil]
    let envp = command.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child = pid_t()
    var status = posix_spawn(&child, command.executable, &actions, &attributes, argv, envp)
    // A script written a moment ago can be busy: any thread's child, forked while the writer's
    // descriptor was open, holds a copy until it execs. That lasts microseconds, or longer on a
    // loaded machine, so try again for up to a second before calling the file unstartable.
    var retries = 0
    while status == ETXTBSY && retries < 100 {
      retries += 1
      usleep(10_000)
      status = posix_spawn(&child, command.executable, &actions, &attributes, argv, envp)
    }
    guard status == 0 else {
      throw ProcessStartError(executable: command.executable, reason: String(cString: strerror(status)))
    }
    pid = child
  }

  /// How the child ended, or nil while it runs. Never blocks.
  public var exitStatus: ProcessTermination? {
    termination.withLock { termination in
      if termination == nil {
        var status: Int32 = 0
        switch waitpid(pid, &status, WNOHANG) {
        case pid: termination = ProcessTermination(waitStatus: status)
        case -1 where errno == ECHILD: termination = .lost
        default: break
        }
      }
      return termination
    }
  }

  public var isRunning: Bool { exitStatus == nil }

  /// Blocks the calling thread until the child ends. Not for the cooperative pool: use `exit()`.
  @discardableResult
  public func waitUntilExit() -> ProcessTermination {
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    // The child has ended (or is gone), so this reaps it or reads what another waiter stored.
    while true {
      if let ended = exitStatus { return ended }
      sched_yield()
    }
  }

  /// Calls `handler` with how the child ended, as soon as it ends, from a thread of its own that
  /// sleeps in `waitUntilExit()` until then: no polling, and no thread of the cooperative pool
  /// held. A thread per child rather than one reaper for all: waiting for any child would reap,
  /// or keep seeing, children that other owners wait for.
  public func whenEnded(_ handler: @escaping @Sendable (ProcessTermination) -> Void) {
    let waiter = Thread { [self] in handler(waitUntilExit()) }
    waiter.name = "kubelab.process-waiter"
    waiter.start()
  }

  /// Waits, asleep, until the child ends: polls every `interval`, so no thread is held.
  @discardableResult
  public func exit(polling interval: Duration = .milliseconds(10)) async throws -> ProcessTermination {
    while true {
      if let ended = exitStatus { return ended }
      // A condition poll: a child's end wakes no task.
      try await Task.sleep(for: interval)
    }
  }

  /// Sends `number` to the child (and to its process group with `group`) while it is not reaped.
  public func signal(_ number: Int32, group: Bool = false) {
    termination.withLock { termination in
      guard termination == nil else { return }
      if group { kill(-pid, number) }
      kill(pid, number)
    }
  }

  /// Sends `number`, then SIGKILL if the child is still there after `grace` seconds, and waits
  /// for its end. The kill is a deadline, not a pause: an obedient child ends the wait at once,
  /// and one that blocks the signal cannot hold its caller for ever.
  @discardableResult
  public func end(with number: Int32, grace: TimeInterval = 30, group: Bool = false) -> ProcessTermination {
    signal(number, group: group)
    let deadline = DispatchWorkItem { [self] in signal(SIGKILL, group: group) }
    DispatchQueue.global().asyncAfter(deadline: .now() + grace, execute: deadline)
    defer { deadline.cancel() }
    return waitUntilExit()
  }
}
