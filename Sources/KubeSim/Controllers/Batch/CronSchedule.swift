import Foundation

/// A CronJob's schedule: the five cron fields (minute, hour, day of month, month, day of week)
/// with lists, ranges, steps and month and weekday names, or one of the `@hourly`-style macros.
struct CronSchedule: Equatable {
  var minutes: Set<Int>
  var hours: Set<Int>
  var days: Set<Int>
  var months: Set<Int>
  var weekdays: Set<Int>
  /// When both day fields are restricted a day matches either of them, as in every cron.
  var daysRestricted: Bool
  var weekdaysRestricted: Bool

  struct ParseError: Error, Equatable {
    var message: String
  }

  static let macros = [
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
  ]
  private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  private static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

  init(parsing text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let expanded = Self.macros[trimmed.lowercased()] ?? trimmed
    let fields = expanded.split(separator: " ").map(String.init)
    guard fields.count == 5 else {
      throw ParseError(message: "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]")
    }
    minutes = try Self.field(fields[0], 0...59, names: [])
    hours = try Self.field(fields[1], 0...23, names: [])
    days = try Self.field(fields[2], 1...31, names: [])
    months = try Self.field(fields[3], 1...12, names: Self.monthNames, firstNamed: 1)
    // 7 is Sunday too.
    weekdays = Set(try Self.field(fields[4], 0...7, names: Self.weekdayNames).map { $0 % 7 })
    daysRestricted = !fields[2].hasPrefix("*") && !fields[2].hasPrefix("?")
    weekdaysRestricted = !fields[4].hasPrefix("*") && !fields[4].hasPrefix("?")
  }

  /// One field: comma-separated `*`, `N`, `A-B`, each optionally with `/STEP`.
  private static func field(_ text: String, _ range: ClosedRange<Int>, names: [String], firstNamed: Int = 0) throws
    -> Set<Int>
  {
    var values: Set<Int> = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
      guard pieces.count <= 2 else { throw ParseError(message: "too many slashes: \(part)") }
      var step = 1
      if pieces.count == 2 {
        guard let parsed = Int(pieces[1]), parsed > 0 else { throw ParseError(message: "bad step: \(part)") }
        step = parsed
      }
      var low = range.lowerBound
      var high = range.upperBound
      if pieces[0] != "*" && pieces[0] != "?" {
        let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2 else { throw ParseError(message: "bad range: \(part)") }
        low = try value(String(bounds[0]), range, names: names, firstNamed: firstNamed)
        high = bounds.count == 2 ? try value(String(bounds[1]), range, names: names, firstNamed: firstNamed) : low
        // `N/STEP` runs from N to the end of the range.
        if bounds.count == 1, pieces.count == 2 { high = range.upperBound }
        guard low <= high else { throw ParseError(message: "beginning of range after end: \(part)") }
      }
      values.formUnion(stride(from: low, through: high, by: step))
    }
    return values
  }

  private static func value(_ text: String, _ range: ClosedRange<Int>, names: [String], firstNamed: Int) throws -> Int {
    if let index = names.firstIndex(of: text.lowercased()) { return index + firstNamed }
    guard let number = Int(text), range.contains(number) else {
      throw ParseError(message: "value \(text) out of range \(range.lowerBound)-\(range.upperBound)")
    }
    return number
  }

  /// The first minute strictly after `date` the schedule fires at, in `zone`; nil when none comes
  /// within five years (February 30th).
  func next(after date: Date, in zone: TimeZone) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let limit = date.addingTimeInterval(5 * 366 * 86400)
    var time = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60)
    while time < limit {
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: time)
      guard let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute,
        let weekday = parts.weekday
      else { return nil }
      func start(_ components: Set<Calendar.Component>) -> Date {
        calendar.date(from: calendar.dateComponents(components, from: time)) ?? time
      }
      if !months.contains(month) {
        time = calendar.date(byAdding: .month, value: 1, to: start([.year, .month])) ?? limit
      } else if !dayMatches(day: day, weekday: weekday - 1) {
        time = calendar.date(byAdding: .day, value: 1, to: start([.year, .month, .day])) ?? limit
      } else if !hours.contains(hour) {
        time = calendar.date(byAdding: .hour, value: 1, to: start([.year, .month, .day, .hour])) ?? limit
      } else if !minutes.contains(minute) {
        time = time.addingTimeInterval(60)
      } else {
        return time
      }
    }
    return nil
  }

  private func dayMatches(day: Int, weekday: Int) -> Bool {
    if daysRestricted && weekdaysRestricted { return days.contains(day) || weekdays.contains(weekday) }
    return days.contains(day) && weekdays.contains(weekday)
  }
}
