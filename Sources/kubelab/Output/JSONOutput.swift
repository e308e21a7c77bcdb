import Foundation

/// `--output json`: one pretty-printed document on stdout, keys sorted so diffs stay small.
enum JSONOutput {
  static func print<Value: Encodable>(_ value: Value) throws {
    Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  /// Shared with the web page's answers and report downloads, so both read as the CLI prints.
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()
}
