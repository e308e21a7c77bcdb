/// The proleptic Gregorian calendar's month lengths, for the hand-written parsers of dates (RFC
/// 3339 timestamps, YAML's timestamps) that must refuse February 29 of a common year or April 31.
public enum GregorianCalendar {
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
