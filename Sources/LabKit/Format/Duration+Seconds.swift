import Foundation

extension Duration {
  /// `90s`, `1.5s`: how messages say a duration.
  public var formattedSeconds: String {
    let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
    return seconds == seconds.rounded() ? "\(Int(seconds))s" : String(format: "%.1fs", seconds)
  }
}
