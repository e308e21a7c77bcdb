import Foundation

/// One terminal tab of a lab: its shell, and everything the shell printed lately (the scrollback),
/// so that a reloaded page attaches again and sees the screen it left. The shell outlives the
/// page's WebSocket; it ends with the lab or the server.
final class TerminalSession: @unchecked Sendable {
  typealias Listener = @Sendable (TerminalEvent) -> Void

  let id: String
  let lab: String
  private let terminal: PseudoTerminal
  private let lock = NSLock()
  private var scrollback: [UInt8] = []
  private var listeners: [UUID: Listener] = [:]
  private var exited = false
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
    lock.withLock {
      listener(.output(scrollback))
      if exited { listener(.exited) } else { listeners[key] = listener }
    }
    return key
  }

  func detach(_ key: UUID) { lock.withLock { _ = listeners.removeValue(forKey: key) } }

  func input(_ bytes: [UInt8]) { terminal.write(bytes) }

  func resize(columns: Int, rows: Int) { terminal.resize(columns: columns, rows: rows) }

  /// Ends the shell; `waitUntilExited` waits for it.
  func end() { terminal.hangUp() }

  var hasExited: Bool { lock.withLock { exited } }

  private func readUntilExit() {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = terminal.read(into: &buffer)
      guard count > 0 else { break }
      let chunk = Array(buffer[0..<count])
      lock.withLock {
        scrollback += chunk
        if scrollback.count > Self.scrollbackLimit { scrollback.removeFirst(scrollback.count - Self.scrollbackLimit) }
        for listener in listeners.values { listener(.output(chunk)) }
      }
    }
    terminal.reap()
    lock.withLock {
      exited = true
      for listener in listeners.values { listener(.exited) }
      listeners = [:]
    }
  }
}

/// What a terminal tells the page: output, or that its shell is gone.
enum TerminalEvent: Sendable {
  case output([UInt8])
  case exited
}
