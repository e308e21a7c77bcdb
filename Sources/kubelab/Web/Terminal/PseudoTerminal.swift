import Foundation
import Processes
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A shell on a pseudo-terminal: `posix_openpt` gives the master side, the child gets the slave
/// side as its stdin, stdout, stderr and controlling terminal (it starts a session of its own), so
/// job control, `vi`, `kubectl edit` and tab completion work as in any terminal. It runs as the
/// user who runs kubelab: nothing here changes user.
final class PseudoTerminal: Sendable {
  let master: Int32
  private let process: SpawnedProcess

  init(command spawned: [String], environment: [String: String], directory: String) throws {
    guard let calls = TerminalCalls.shared else {
      throw PseudoTerminalError("this system's C library has no posix_openpt: no terminal here")
    }
    master = calls.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
    var name = [CChar](repeating: 0, count: 128)
    guard master >= 0, calls.grantpt(master) == 0, calls.unlockpt(master) == 0,
      calls.ptsname(master, &name, name.count) == 0
    else {
      let reason = String(cString: strerror(errno))
      if master >= 0 { close(master) }
      throw PseudoTerminalError("cannot open a pseudo-terminal: \(reason)")
    }
    // A new session first, so that opening the slave makes it the child's controlling terminal.
    var command = ProcessCommand(spawned[0], Array(spawned.dropFirst()), environment: environment)
    command.input = .file(String(cString: name), flags: O_RDWR)
    command.output = .sameAs(0)
    command.error = .sameAs(0)
    command.directory = directory
    command.newSession = true
    do {
      process = try SpawnedProcess(command)
    } catch {
      close(master)
      throw PseudoTerminalError("\(error)")
    }
  }

  private let reaped = Mutex(false)

  /// Reads what the shell wrote; 0 once it has exited (the master side then reads EIO).
  func read(into buffer: inout [UInt8]) -> Int {
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      return max(count, 0)
    }
  }

  func write(_ bytes: [UInt8]) {
    reaped.withLock { reaped in
      guard !reaped else { return }
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
        if written < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          return
        }
        offset += written
      }
    }
  }

  func resize(columns: Int, rows: Int) {
    var size = winsize(ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
    reaped.withLock { _ = $0 ? 0 : ioctl(master, UInt(TIOCSWINSZ), &size) }
  }

  /// Hangs up the shell's whole session, as closing a terminal window does; what still runs a
  /// moment later is killed.
  func hangUp() {
    send(SIGHUP)
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { self.send(SIGKILL) }
  }

  /// Once reading ended: collects the shell's exit and closes the master side.
  func reap() {
    process.waitUntilExit()
    reaped.withLock { reaped in
      reaped = true
      close(master)
    }
  }

  var hasExited: Bool { reaped.withLock { $0 } }

  /// Signals the shell's process group; SpawnedProcess never signals it once reaped.
  private func send(_ number: Int32) {
    process.signal(number, group: true)
  }
}

/// The pseudo-terminal calls Swift's Glibc module leaves out (glibc declares them only under
/// _XOPEN_SOURCE or _GNU_SOURCE), taken from the C library itself with their C signatures.
private struct TerminalCalls {
  let openpt: @convention(c) (Int32) -> Int32
  let grantpt: @convention(c) (Int32) -> Int32
  let unlockpt: @convention(c) (Int32) -> Int32
  let ptsname: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

  static let shared: TerminalCalls? = {
    let library = dlopen(nil, RTLD_NOW)
    func look<Function>(_ name: String, _ type: Function.Type) -> Function? {
      dlsym(library, name).map { unsafeBitCast($0, to: type) }
    }
    guard let openpt = look("posix_openpt", (@convention(c) (Int32) -> Int32).self),
      let grantpt = look("grantpt", (@convention(c) (Int32) -> Int32).self),
      let unlockpt = look("unlockpt", (@convention(c) (Int32) -> Int32).self),
      let ptsname = look("ptsname_r", (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
    else { return nil }
    return TerminalCalls(openpt: openpt, grantpt: grantpt, unlockpt: unlockpt, ptsname: ptsname)
  }()
}

struct PseudoTerminalError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
