/// Durations as Go's `time.ParseDuration` writes them (`30s`, `2m`, `1h30m`, `1.5h`, `500ms`),
/// without a sign: lab timeouts and countdowns are never negative.
public enum DurationParser {
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  private static let nanosecondsPerUnit: [String: Double] = [
    "ns": 1, "us": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
  ]

  public static func parse(_ text: String) throws -> Duration {
    if text == "0" { return .zero }
    var rest = Substring(text)
    var total = 0.0
    guard !rest.isEmpty else { throw Failure(description: "invalid duration \"\(text)\"") }
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      rest = rest.dropFirst(unit.count)
      guard let value = Double(number), number.first != "." || number.count > 1 else {
        throw Failure(description: "invalid duration \"\(text)\"")
      }
      guard !unit.isEmpty else { throw Failure(description: "missing unit in duration \"\(text)\"") }
      guard let scale = nanosecondsPerUnit[String(unit)] else {
        throw Failure(description: "unknown unit \"\(unit)\" in duration \"\(text)\"")
      }
      total += value * scale
    }
    guard total < Double(Int64.max) else { throw Failure(description: "invalid duration \"\(text)\"") }
    return .nanoseconds(Int64(total))
  }
}
