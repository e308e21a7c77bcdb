import Foundation

/// How fast the simulated control plane moves: real seconds-to-minutes transitions compressed so a
/// lab stays lively, and tests can shorten them further.
public struct ControllerTiming: Sendable {
  /// How long one step of a pod's life (creating a container, pulling an image) takes.
  public var transitionDelay: TimeInterval
  /// The first back-off after a failed pull or a crash; it doubles each time up to `backOffCap`.
  public var backOffBase: TimeInterval
  public var backOffCap: TimeInterval
  /// How much faster probes run than their spec says: 0.1 turns the default 10-second period into
  /// one second, as the back-off's 10 seconds become one.
  public var probeTimeScale: TimeInterval
  /// How long a node whose kubelet stopped stays Ready: kube-controller-manager's
  /// --node-monitor-grace-period, 50 s since v1.32.
  public var nodeMonitorGracePeriod: TimeInterval

  public init(
    transitionDelay: TimeInterval = 1, backOffBase: TimeInterval = 1, backOffCap: TimeInterval = 10,
    probeTimeScale: TimeInterval = 0.1, nodeMonitorGracePeriod: TimeInterval = 50
  ) {
    self.nodeMonitorGracePeriod = nodeMonitorGracePeriod
    self.transitionDelay = transitionDelay
    self.backOffBase = backOffBase
    self.backOffCap = backOffCap
    self.probeTimeScale = probeTimeScale
  }

  /// A probe's delay or period of `seconds`, compressed.
  func probeDelay(seconds: Int) -> TimeInterval { TimeInterval(max(seconds, 0)) * probeTimeScale }

  func backOff(attempt: Int) -> TimeInterval {
    min(backOffCap, backOffBase * pow(2, Double(min(max(attempt, 0), 16))))
  }
}
