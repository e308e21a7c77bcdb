import Foundation

/// A command run on a terminal as a person runs it: in a detached tmux session, keys typed into it
/// and its screen read back.
public struct TerminalSession: Sendable {
  public let name: String
  static let tmux = "/usr/bin/tmux"

  /// Starts `command` (a /bin/sh line; tmux gives it the server's environment, so it sets its own)
  /// on a terminal of `width` × `height`.
  public static func start(_ command: String, width: Int = 160, height: Int = 20) async throws -> TerminalSession {
    let session = TerminalSession(name: "kubelab-term-" + UUID().uuidString.prefix(8))
    // The tmux server outlives its client; it inherits nothing of ours but the client's output
    // files, as every ProcessRunner child closes the rest.
    let started = try await ProcessRunner.run(
      tmux, ["new-session", "-d", "-s", session.name, "-x", "\(width)", "-y", "\(height)", command])
    guard started.status == 0 else { throw SandboxStartError(message: "tmux did not start: \(started.stderr)") }
    return session
  }

  /// Types `line` and Enter.
  public func type(_ line: String) async throws {
    _ = try await ProcessRunner.run(Self.tmux, ["send-keys", "-t", name, line, "Enter"])
  }

  /// The screen (with `history`, everything that scrolled off it too) once `accept` holds for it,
  /// or as it is after about 20 seconds.
  public func screen(history: Bool = false, until accept: (String) -> Bool) async throws -> String {
    var text = ""
    for _ in 0..<200 {
      text = try await ProcessRunner.run(
        Self.tmux, ["capture-pane", "-p", "-t", name] + (history ? ["-S", "-"] : [])
      ).stdout
      if accept(text) { return text }
      // The pane redraws as the program writes; look again shortly.
      try await Task.sleep(for: .milliseconds(100))
    }
    return text
  }

  public func end() async {
    _ = try? await ProcessRunner.run(Self.tmux, ["kill-session", "-t", name])
  }

  /// Runs `body` on a session of `command`, which is ended whatever happens.
  public static func with(_ command: String, _ body: (TerminalSession) async throws -> Void) async throws {
    let session = try await start(command)
    do {
      try await body(session)
    } catch {
      await session.end()
      throw error
    }
    await session.end()
  }
}
