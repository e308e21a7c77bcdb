import Foundation

/// Timestamps as the API server writes them: RFC 3339, whole seconds, UTC. Controllers read and
/// write them for every pod they look at, so they are computed with civil-calendar arithmetic,
/// not with a Calendar or an ISO8601DateFormatter made for each call.
public enum APITimestamp {
  public static func string(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = seconds - days * 86_400
    let (year, month, day) = CivilDate.fromDays(days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let yearText = String(year)
    return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
      + "-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
  }

  /// An RFC 3339 date-time (`2024-05-01T10:00:00Z`, with fractional seconds or an offset), or nil.
  public static func date(_ string: String) -> Date? {
    var reader = DigitReader(Array(string.utf8))
    guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
      let day = reader.number(2), reader.skip("T") || reader.skip("t"), let hour = reader.number(2),
      reader.skip(":"), let minute = reader.number(2), reader.skip(":"), let second = reader.number(2),
      (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day), hour < 24,
      minute < 60, second < 60
    else { return nil }
    var fraction = 0.0
    if reader.skip(".") {
      var scale = 0.1
      var digits = 0
      while let digit = reader.number(1) {
        fraction += Double(digit) * scale
        scale /= 10
        digits += 1
      }
      guard digits > 0 else { return nil }
    }
    var offset = 0
    if !reader.skip("Z") && !reader.skip("z") {
      guard let sign = reader.skip("+") ? 1 : reader.skip("-") ? -1 : nil, let hours = reader.number(2),
        reader.skip(":"), let minutes = reader.number(2), hours < 24, minutes < 60
      else { return nil }
      offset = sign * (hours * 3600 + minutes * 60)
    }
    guard reader.atEnd else { return nil }
    let days = CivilDate.days(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  /// Reads fixed-width decimal fields and separators off the timestamp's bytes.
  private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
      guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
      index += 1
      return true
    }

    mutating func number(_ width: Int) -> Int? {
      guard index + width <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + width] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      index += width
      return value
    }
  }
}
