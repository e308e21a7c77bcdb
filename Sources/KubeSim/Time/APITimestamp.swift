import Foundation
import KubeModel

/// RFC 3339 timestamps as Kubernetes writes them (`2024-05-01T10:00:00Z`, MicroTime with a
/// fraction), written in UTC with whole seconds.
///
/// Parsed and formatted by hand so it is exact, locale-free and safe from any thread, and cheap:
/// controllers read and write them for every pod they look at, and a Calendar or an
/// ISO8601DateFormatter made per call was a third of a sandbox's start.
public enum APITimestamp {
  /// The instant `text` names, or nil when it is not an RFC 3339 date-time. Out-of-range fields
  /// (February 29 of a common year, second 60, an offset of 24 hours) are refused, as Go's
  /// time.Parse refuses them.
  public static func date(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] | 0x20 == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10),
      let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16), let second = number(bytes, 17..<19),
      (1...12).contains(month), (1...GregorianCalendar.daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }

    var index = 19
    var fraction = 0.0
    if bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      let start = index
      while index < bytes.count, let digit = digitValue(bytes[index]) {
        fraction += Double(digit) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }

    guard index < bytes.count else { return nil }
    var offsetSeconds = 0
    switch bytes[index] | 0x20 {
    case UInt8(ascii: "z"):
      guard index + 1 == bytes.count else { return nil }
    case _ where bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"):
      guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
        let offsetHours = number(bytes, index + 1..<index + 3),
        let offsetMinutes = number(bytes, index + 4..<index + 6), offsetHours < 24, offsetMinutes < 60
      else { return nil }
      let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
    default:
      return nil
    }

    let days = daysSinceEpoch(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  /// `date` in UTC with whole seconds, as Go's `time.RFC3339` layout formats it.
  public static func string(_ date: Date) -> String {
    let total = Int(date.timeIntervalSince1970.rounded(.down))
    let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondsOfDay = total - days * 86_400
    let (year, month, day) = civilDate(daysSinceEpoch: days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    return "\(yearText)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):"
      + "\(two(secondsOfDay % 60))Z"
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
  }

  private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var value = 0
    for index in range {
      guard let digit = digitValue(bytes[index]) else { return nil }
      value = value * 10 + digit
    }
    return value
  }

  // Days between 1970-01-01 and a proleptic Gregorian date (the "days from civil" algorithm).
  private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
