import Foundation
import Synchronization

/// One terminal tab of a lab: its shell, and everything the shell printed lately (the scrollback),
/// so that a reloaded page attaches again and sees the screen it left. The shell outlives the
/// page's WebSocket; it ends with the lab or the server.
final class TerminalSession: Sendable {
  typealias Listener = @Sendable (TerminalEvent) -> Void

  let id: String
  let lab: String
  private let terminal: PseudoTerminal
  private let state = Mutex(State())

  private struct State {
    var scrollback: [UInt8] = []
    var listeners: [UUID: Listener] = [:]
    var exited = false
  }
  /// Enough for a few thousand lines; older output is dropped from the front.
  private static let scrollbackLimit = 512 * 1024

  init(lab: String, environment: [String: String], directory: String) throws {
    id = UUID().uuidString.lowercased()
    self.lab = lab
    let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash" : "/bin/sh"
    terminal = try PseudoTerminal(command: [shell, "-i"], environment: environment, directory: directory)
    let thread = Thread { [self] in readUntilExit() }
    thread.name = "kubelab-terminal-\(id)"
    thread.start()
  }

  /// Starts sending to `listener`: first the scrollback, then what follows. The id detaches it.
  func attach(_ listener: @escaping Listener) -> UUID {
    let key = UUID()
    state.withLock { state in
      listener(.output(state.scrollback))
      if state.exited { listener(.exited) } else { state.listeners[key] = listener }
    }
    return key
  }

  func detach(_ key: UUID) { state.withLock { _ = $0.listeners.removeValue(forKey: key) } }

  func input(_ bytes: [UInt8]) { terminal.write(bytes) }

  func resize(columns: Int, rows: Int) { terminal.resize(columns: columns, rows: rows) }

  /// Ends the shell; `waitUntilExited` waits for it.
  func end() { terminal.hangUp() }

  var hasExited: Bool { state.withLock { $0.exited } }

  private func readUntilExit() {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = terminal.read(into: &buffer)
      guard count > 0 else { break }
      let chunk = Array(buffer[0..<count])
      state.withLock { state in
        state.scrollback += chunk
        if state.scrollback.count > Self.scrollbackLimit {
          state.scrollback.removeFirst(state.scrollback.count - Self.scrollbackLimit)
        }
        for listener in state.listeners.values { listener(.output(chunk)) }
      }
    }
    terminal.reap()
    state.withLock { state in
      state.exited = true
      for listener in state.listeners.values { listener(.exited) }
      state.listeners = [:]
    }
  }
}

/// What a terminal tells the page: output, or that its shell is gone.
enum TerminalEvent: Sendable {
  case output([UInt8])
  case exited
}
