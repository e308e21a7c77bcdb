import Foundation
import Testing

@testable import KubeSim

/// The API's timestamps, written and read by arithmetic, agree with Foundation's calendar and
/// its RFC 3339 parser.
@Suite struct APITimestampTests {
  @Test func writesWhatFoundationWritesFrom1900To2200() {
    let foundation = ISO8601DateFormatter()
    foundation.formatOptions = [.withInternetDateTime]
    // A step that is no whole number of days or hours reaches every month, leap days among them.
    let start = -2_208_988_800.0
    let end = 7_258_118_400.0
    let step = 86_400.0 * 7.3 + 3_671
    var seconds = start
    var checked = 0
    while seconds < end {
      let date = Date(timeIntervalSince1970: seconds)
      let text = APITimestamp.string(date)
      #expect(text == foundation.string(from: date), "at \(seconds)")
      #expect(APITimestamp.date(text) == date, "\(text)")
      seconds += step
      checked += 1
    }
    #expect(checked > 5_000)
  }

  @Test func dropsFractionsWhenWriting() {
    #expect(APITimestamp.string(Date(timeIntervalSince1970: 1_714_557_600.999)) == "2024-05-01T10:00:00Z")
    #expect(APITimestamp.string(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
  }

  @Test(arguments: [
    ("2024-02-29T23:59:59Z", 1_709_251_199.0),
    ("2024-05-01T10:00:00.25Z", 1_714_557_600.25),
    ("2024-05-01T12:30:00+02:30", 1_714_557_600.0),
    ("2024-05-01T07:00:00-03:00", 1_714_557_600.0),
    ("1970-01-01t00:00:00z", 0.0),
  ])
  func readsFractionsAndOffsets(text: String, seconds: Double) {
    #expect(APITimestamp.date(text) == Date(timeIntervalSince1970: seconds))
  }

  @Test(arguments: [
    "", "2024-05-01", "2024-05-01T10:00:00", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
    "2024-05-01T10:00:60Z", "2024-05-01T10:00:00+24:00", "2024-05-01T10:00:00+02:60",
    "2024-05-01T24:00:00Z", "2024-05-01T10:00:00.Z", "2024-05-01T10:00:00Zjunk", "2024-5-01T10:00:00Z",
    "2024-05-01T10:00:00+0200",
  ])
  func refusesWhatIsNoRFC3339Time(text: String) {
    #expect(APITimestamp.date(text) == nil)
  }
}
