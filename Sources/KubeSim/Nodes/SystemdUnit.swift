import Foundation

/// A systemd service of a sandbox node (kubelet, containerd) as `systemctl status` reports it.
public struct SystemdUnit: Sendable, Equatable {
  public enum State: Sendable, Equatable {
    case running
    /// Stopped by the learner (`systemctl stop`), or never started.
    case stopped
    /// Its process exited with a failure and systemd will start it again (Restart=always).
    case autoRestart(exitStatus: Int32)
  }

  public let name: String
  public let description: String
  public var enabled = true
  public var state: State = .running
  /// When the unit entered its state.
  public var since: Date
  public var mainPID: Int
  /// The last exited process: its pid and exit status, for `Process:` and `Main PID:` lines.
  public var lastExit: (pid: Int, status: Int32)? {
    get { lastExitPID.map { ($0, lastExitStatus) } }
    set {
      lastExitPID = newValue?.pid
      lastExitStatus = newValue?.status ?? 0
    }
  }
  private var lastExitPID: Int?
  private var lastExitStatus: Int32 = 0
  public var restarts = 0

  public init(name: String, description: String, since: Date, mainPID: Int) {
    self.name = name
    self.description = description
    self.since = since
    self.mainPID = mainPID
  }

  /// `systemctl is-active`'s word.
  public var activeWord: String {
    switch state {
    case .running: "active"
    case .stopped: "inactive"
    case .autoRestart: "activating"
    }
  }

  public var isRunning: Bool { state == .running }
}
