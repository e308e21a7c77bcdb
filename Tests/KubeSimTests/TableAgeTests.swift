import Foundation
import KubeSim
import Testing

@Suite("Table ages (HumanDuration)")
struct TableAgeTests {
  /// Seconds and the text the printers show for them, around every threshold of HumanDuration.
  static let durations: [(Double, String)] = [
    (0, "0s"), (0.9, "0s"), (-1.5, "0s"), (-2, "<invalid>"), (59, "59s"), (119.9, "119s"),
    (120, "2m"), (330, "5m30s"), (599, "9m59s"), (600, "10m"), (10_799, "179m"), (10_800, "3h"),
    (3.5 * 3600, "3h30m"), (8 * 3600, "8h"), (47 * 3600 + 3599, "47h"), (48 * 3600, "2d"),
    (51 * 3600, "2d3h"), (8 * 86_400, "8d"), (729 * 86_400, "729d"), (730 * 86_400, "2y"),
    (775 * 86_400, "2y45d"), (8 * 365 * 86_400, "8y"), (3385 * 86_400, "9y"),
  ]

  @Test("durations keep about two significant figures", arguments: durations)
  func humanDuration(seconds: Double, expected: String) {
    #expect(HumanDuration.string(seconds: seconds) == expected)
  }

  @Test func missingTimestampIsUnknown() {
    #expect(HumanDuration.since(nil, now: tableNow) == "<unknown>")
    #expect(HumanDuration.since(tableNow.addingTimeInterval(-90), now: tableNow) == "90s")
  }

  @Test("age cells read metadata.creationTimestamp, with or without a fraction or offset")
  func ageCells() throws {
    let fractional = try tableCells(
      "namespaces", #"{"metadata":{"name":"a","creationTimestamp":"2024-06-01T11:54:30.123456Z"}}"#)
    #expect(fractional[2] == "5m29s")
    let offset = try tableCells(
      "namespaces", #"{"metadata":{"name":"a","creationTimestamp":"2024-06-01T13:00:00+02:00"}}"#)
    #expect(offset[2] == "60m")
    let missing = try tableCells("namespaces", #"{"metadata":{"name":"a"}}"#)
    #expect(missing[2] == "<unknown>")
    let malformed = try tableCells("namespaces", #"{"metadata":{"name":"a","creationTimestamp":"yesterday"}}"#)
    #expect(malformed[2] == "<unknown>")
  }
}
