import Foundation

/// A program to start as a child process: what it runs, with what environment, where its
/// standard streams go, and how it stands apart from its parent.
public struct ProcessCommand: Sendable {
  /// Where one of the child's standard streams (0, 1 or 2) comes from.
  public enum Stream: Sendable, Equatable {
    /// The parent's own descriptor of the same number.
    case inherit
    case nullDevice
    /// A descriptor the parent holds open; the child gets a copy.
    case descriptor(Int32)
    /// A file the child opens itself, with `open(2)` flags.
    case file(String, flags: Int32)
    /// A copy of another of the child's standard streams (1 for stdout), set up after it.
    case sameAs(Int32)
  }

  public var executable: String
  public var arguments: [String]
  /// The child's whole environment: nothing is inherited that is not listed.
  public var environment: [String: String]
  /// The working directory; nil keeps the parent's.
  public var directory: String?
  /// /dev/null unless set: a child reads the parent's terminal or pipe only when asked to.
  public var input: Stream = .nullDevice
  public var output: Stream = .inherit
  public var error: Stream = .inherit
  /// A process group of its own, so that signalling `-pid` reaches what it starts too.
  public var ownProcessGroup = false
  /// A session of its own (setsid): no controlling terminal until it opens one.
  public var newSession = false

  public init(_ executable: String, _ arguments: [String] = [], environment: [String: String]) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
  }

  /// The command with the parent's environment, `overrides` merged over it.
  public static func inheritingEnvironment(
    _ executable: String, _ arguments: [String] = [], overrides: [String: String] = [:]
  ) -> ProcessCommand {
    ProcessCommand(
      executable, arguments,
      environment: ProcessInfo.processInfo.environment.merging(overrides) { _, new in new })
  }
}
