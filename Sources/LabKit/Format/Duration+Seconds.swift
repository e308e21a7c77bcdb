import Foundation

extension Duration {
  /// The duration in seconds, fractions included.
  public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

  /// `90s`, `1.5s`: how messages say a duration.
  public var formattedSeconds: String {
    seconds == seconds.rounded() ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
  }
}
