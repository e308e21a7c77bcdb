import Foundation
import Processes
import Synchronization
import Testing

@Suite struct SpawnedProcessTests {
  /// Runs `script` under /bin/sh with stdout and stderr in one file; how it ended and what it wrote.
  func run(_ script: String, configure: (inout ProcessCommand) -> Void = { _ in }) async throws
    -> (ProcessTermination, String)
  {
    let output = NSTemporaryDirectory() + "spawned-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: output) }
    var command = ProcessCommand("/bin/sh", ["-c", script], environment: ["PATH": "/usr/bin:/bin"])
    command.output = .file(output, flags: O_WRONLY | O_CREAT | O_TRUNC)
    command.error = .sameAs(1)
    configure(&command)
    let ended = try await SpawnedProcess(command).exit()
    return (ended, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
  }

  @Test func exitCodesStreamsEnvironmentAndDirectoryAreTheCommands() async throws {
    let (ended, output) = try await run("echo out; echo err >&2; echo $GREETING; pwd; exit 3") {
      $0.environment["GREETING"] = "hello"
      $0.directory = "/tmp"
    }
    #expect(ended == .exited(3))
    #expect(ended.shellStatus == 3)
    #expect(output == "out\nerr\nhello\n/tmp\n")
  }

  @Test func theChildInheritsNoDescriptorButItsThree() async throws {
    // A descriptor of this process without close-on-exec, which Foundation's Pipe makes.
    let pipe = Pipe()
    defer { try? pipe.fileHandleForWriting.close() }
    let (_, output) = try await run("ls /proc/self/fd")
    let open = output.split(separator: "\n").map(String.init)
    // ls's own directory descriptor is the one beside 0, 1 and 2.
    #expect(open.count == 4, "\(open)")
    #expect(!open.contains(String(pipe.fileHandleForWriting.fileDescriptor)))
  }

  @Test func aDescriptorOnALowNumberReachesTheRightStream() async throws {
    // As in a parent started with stdin closed: a file sits on descriptor 0 and is the child's
    // stdout, while the child's stdin is set up first.
    let path = NSTemporaryDirectory() + "spawned-low-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer { close(file) }
    try #require(file >= 0)
    // The test's own stdin is put back afterwards, closed again if it was closed (as under CI).
    let saved = dup(0)
    defer {
      if saved >= 0 {
        dup2(saved, 0)
        close(saved)
      } else {
        close(0)
      }
    }
    dup2(file, 0)
    var command = ProcessCommand("/bin/sh", ["-c", "echo reached"], environment: [:])
    command.output = .descriptor(0)
    let ended = try SpawnedProcess(command).waitUntilExit()
    #expect(ended == .exited(0))
    #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "reached\n")
  }

  @Test func aChildOfAThreadThatBlocksSIGTERMStillObeysIt() async throws {
    let spawned = try await Task.detached {
      // Swift's worker threads block signals like this; the child must not inherit the mask.
      var blocked = sigset_t()
      sigemptyset(&blocked)
      sigaddset(&blocked, SIGTERM)
      var previous = sigset_t()
      pthread_sigmask(SIG_BLOCK, &blocked, &previous)
      defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
      return try SpawnedProcess(Self.quiet("/bin/sleep", ["600"]))
    }.value
    #expect(spawned.end(with: SIGTERM, grace: 60) == .signalled(SIGTERM))
  }

  @Test func aDisobedientChildIsKilledAtTheDeadline() throws {
    // The shell's sleep is its child: the group signal ends both, or the sleep would outlive the test.
    var command = Self.quiet("/bin/sh", ["-c", "trap '' TERM; sleep 600"])
    command.ownProcessGroup = true
    let spawned = try SpawnedProcess(command)
    // The trap must be in place before the signal, or the shell would just die of SIGTERM.
    while !Self.ignores(SIGTERM, pid: spawned.pid) { sched_yield() }
    #expect(spawned.end(with: SIGTERM, grace: 0.2, group: true) == .signalled(SIGKILL))
  }

  /// A command that writes nowhere: a child left behind must not hold swift test's pipes.
  static func quiet(_ executable: String, _ arguments: [String]) -> ProcessCommand {
    var command = ProcessCommand(executable, arguments, environment: [:])
    command.output = .nullDevice
    command.error = .nullDevice
    return command
  }

  /// Whether /proc says the process ignores `signal` (bit signal-1 of SigIgn).
  static func ignores(_ signal: Int32, pid: pid_t) -> Bool {
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
      let mask = UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    else { return false }
    return mask & (1 << UInt64(signal - 1)) != 0
  }

  @Test func aReapedChildIsNeverSignalled() throws {
    let spawned = try SpawnedProcess(ProcessCommand("/bin/true", environment: [:]))
    #expect(spawned.waitUntilExit() == .exited(0))
    // Its pid may name another process now; this must do nothing.
    spawned.signal(SIGKILL)
    #expect(spawned.exitStatus == .exited(0))
    #expect(!spawned.isRunning)
  }

  @Test func anEndIsReportedToTheHandlerAsItHappens() async throws {
    let spawned = try SpawnedProcess(ProcessCommand("/bin/sleep", ["600"], environment: [:]))
    let ended = await withCheckedContinuation { (reported: CheckedContinuation<ProcessTermination, Never>) in
      spawned.whenEnded { reported.resume(returning: $0) }
      // Only the kill ends the child: the handler must wait for it, not report a running child.
      spawned.signal(SIGKILL)
    }
    #expect(ended == .signalled(SIGKILL))
    #expect(ended.shellStatus == 128 + SIGKILL)
  }

  @Test func aChildThatEndedBeforeTheHandlerWasSetIsReportedToo() async throws {
    let spawned = try SpawnedProcess(ProcessCommand("/bin/sh", ["-c", "exit 7"], environment: [:]))
    // Reaped here first: the handler gets what was stored, not .lost.
    #expect(spawned.waitUntilExit() == .exited(7))
    let ended = await withCheckedContinuation { (reported: CheckedContinuation<ProcessTermination, Never>) in
      spawned.whenEnded { reported.resume(returning: $0) }
    }
    #expect(ended == .exited(7))
  }

  @Test func aMissingProgramIsAClearError() {
    #expect {
      try SpawnedProcess(ProcessCommand("/nonexistent/program", environment: [:]))
    } throws: { error in
      "\(error)" == "cannot start /nonexistent/program: No such file or directory"
    }
  }

  @Test func aScriptStillOpenForWritingAMomentStartsOnceClosed() async throws {
    let script = NSTemporaryDirectory() + "busy-" + UUID().uuidString + ".sh"
    defer { try? FileManager.default.removeItem(atPath: script) }
    try "#!/bin/sh\necho started\n".write(toFile: script, atomically: false, encoding: .utf8)
    chmod(script, 0o755)
    let output = NSTemporaryDirectory() + "busy-output-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: output) }
    var command = ProcessCommand(script, [], environment: ["PATH": "/usr/bin:/bin"])
    command.output = .file(output, flags: O_WRONLY | O_CREAT | O_TRUNC)
    // The copy of a writer's descriptor that another thread's fork child holds until it execs:
    // open while the spawn runs on a thread of its own, and closed by another thread once the
    // spawn sleeps between tries (its thread is in clock_nanosleep) or has given up.
    let writer = open(script, O_WRONLY)
    #expect(writer >= 0)
    let spawnThread = Mutex<String?>(nil)
    let spawned = Mutex<Result<SpawnedProcess, any Error>?>(nil)
    let spawn = command
    Thread.detachNewThread {
      spawnThread.withLock { $0 = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self") }
      let result = Result { try SpawnedProcess(spawn) }
      spawned.withLock { $0 = result }
    }
    Thread.detachNewThread {
      // A condition poll on threads of the test's own, never on the cooperative pool.
      while spawned.withLock({ $0 }) == nil {
        if let thread = spawnThread.withLock({ $0 }),
          let call = try? String(contentsOfFile: "/proc/\(thread)/syscall", encoding: .utf8),
          call.hasPrefix("230 ")
        {
          break
        }
        sched_yield()
      }
      close(writer)
    }
    // A condition poll: the spawn thread tells no one when it ends.
    while spawned.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(5)) }
    let process = try #require(spawned.withLock { $0 }).get()
    #expect(try await process.exit() == .exited(0))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "started\n")
  }
}
