import Foundation
import Testing

@testable import KubeSim

/// CronJob schedules: the five fields with lists, ranges, steps and names, the macros, and the
/// next time each one fires.
@Suite struct CronScheduleTests {
  let utc = TimeZone(identifier: "UTC")!

  func date(_ text: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: text))
  }

  func next(_ schedule: String, after text: String) throws -> String? {
    let parsed = try CronSchedule(parsing: schedule)
    return parsed.next(after: try date(text), in: utc).map { ISO8601DateFormatter().string(from: $0) }
  }

  @Test func everyMinuteFiresAtTheNextWholeMinute() throws {
    #expect(try next("* * * * *", after: "2026-03-01T10:15:30Z") == "2026-03-01T10:16:00Z")
    #expect(try next("* * * * *", after: "2026-03-01T10:15:00Z") == "2026-03-01T10:16:00Z")
  }

  @Test func stepsRangesListsAndNames() throws {
    #expect(try next("*/15 * * * *", after: "2026-03-01T10:16:00Z") == "2026-03-01T10:30:00Z")
    #expect(try next("5 9-17/4 * * *", after: "2026-03-01T13:06:00Z") == "2026-03-01T17:05:00Z")
    #expect(try next("0 0 1,15 * *", after: "2026-03-02T00:00:00Z") == "2026-03-15T00:00:00Z")
    // 2026-03-01 is a Sunday; the next Monday to Friday morning is the 2nd.
    #expect(try next("30 6 * * mon-fri", after: "2026-03-01T07:00:00Z") == "2026-03-02T06:30:00Z")
    #expect(try next("0 0 1 jun *", after: "2026-03-01T00:00:00Z") == "2026-06-01T00:00:00Z")
    #expect(try next("0 12 * * 7", after: "2026-03-02T00:00:00Z") == "2026-03-08T12:00:00Z")
  }

  @Test func restrictedDayOfMonthAndWeekdayMatchEither() throws {
    // The 13th (a Friday in March 2026) or any Monday: Monday the 2nd comes first.
    #expect(try next("0 0 13 * 1", after: "2026-03-01T00:00:00Z") == "2026-03-02T00:00:00Z")
  }

  @Test func macrosExpand() throws {
    #expect(try next("@hourly", after: "2026-03-01T10:15:00Z") == "2026-03-01T11:00:00Z")
    #expect(try next("@daily", after: "2026-03-01T10:15:00Z") == "2026-03-02T00:00:00Z")
    #expect(try next("@weekly", after: "2026-03-02T10:15:00Z") == "2026-03-08T00:00:00Z")
    #expect(try next("@monthly", after: "2026-03-02T10:15:00Z") == "2026-04-01T00:00:00Z")
    #expect(try next("@yearly", after: "2026-03-02T10:15:00Z") == "2027-01-01T00:00:00Z")
  }

  @Test func anImpossibleDateNeverFires() throws {
    #expect(try next("0 0 30 2 *", after: "2026-03-01T00:00:00Z") == nil)
  }

  @Test(arguments: ["* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "*/0 * * * *", "5-1 * * * *", "x * * * *"])
  func malformedSchedulesAreRejected(schedule: String) {
    #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: schedule) }
  }
}
