import Foundation

/// Durations the way the API server's printers show them (apimachinery's `duration.HumanDuration`):
/// about two significant figures, e.g. `45s`, `5m30s`, `42m`, `3h12m`, `20h`, `2d3h`, `30d`, `2y45d`.
public enum HumanDuration {
  /// `seconds` as a short human duration; a clock skew of up to two seconds reads as `0s`.
  public static func string(seconds: TimeInterval) -> String {
    // Go truncates toward zero when it converts the duration to whole units.
    let total = Int(seconds.rounded(.towardZero))
    if total < -1 { return "<invalid>" }
    if total < 0 { return "0s" }
    if total < 120 { return "\(total)s" }

    let minutes = total / 60
    if minutes < 10 {
      let rest = total % 60
      return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
    }
    if minutes < 180 { return "\(minutes)m" }

    let hours = total / 3600
    if hours < 8 {
      let rest = minutes % 60
      return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
    }
    if hours < 48 { return "\(hours)h" }

    let days = hours / 24
    if hours < 24 * 8 {
      let rest = hours % 24
      return rest == 0 ? "\(days)d" : "\(days)d\(rest)h"
    }
    if hours < 24 * 365 * 2 { return "\(days)d" }

    let years = days / 365
    if hours < 24 * 365 * 8 {
      let rest = days % 365
      return rest == 0 ? "\(years)y" : "\(years)y\(rest)d"
    }
    return "\(years)y"
  }

  /// The age of something that happened at `time`, seen at `now`; `<unknown>` when the time is missing,
  /// as the printers' `translateTimestampSince` answers for a zero timestamp.
  public static func since(_ time: Date?, now: Date) -> String {
    guard let time else { return "<unknown>" }
    return string(seconds: now.timeIntervalSince(time))
  }
}
