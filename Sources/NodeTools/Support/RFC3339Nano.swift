import Foundation
import KubeSim

/// Go's time.RFC3339Nano, in UTC: `2025-05-20T10:11:12.123456789Z`, trailing zeros of the
/// fraction dropped.
enum RFC3339Nano {
  static func string(_ date: Date) -> String {
    let whole = floor(date.timeIntervalSince1970)
    let nanos = Int(((date.timeIntervalSince1970 - whole) * 1_000_000_000).rounded())
    var text = String(APITimestamp.string(Date(timeIntervalSince1970: whole)).dropLast())
    if nanos > 0 {
      var fraction = String(format: "%09d", min(nanos, 999_999_999))
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += "." + fraction
    }
    return text + "Z"
  }
}
