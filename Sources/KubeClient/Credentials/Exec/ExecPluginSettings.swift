import Foundation

/// How exec credential plugins are run, apart from what the kubeconfig says: injectable so that tests
/// can pretend to have a terminal and move the clock past a credential's expiry.
public struct ExecPluginSettings: Sendable {
  /// How long a plugin may run before it is stopped and reported as hanging.
  public var timeout: TimeInterval = 60
  /// Whether standard input is a terminal, which `interactiveMode` depends on.
  public var stdinIsTerminal: @Sendable () -> Bool = { isatty(STDIN_FILENO) == 1 }
  /// The clock a credential's `expirationTimestamp` is compared with.
  public var now: @Sendable () -> Date = { Date() }

  public init() {}
}
