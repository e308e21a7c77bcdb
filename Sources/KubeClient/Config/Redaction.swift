import Foundation

/// How secrets are kept out of messages and descriptions.
enum Redaction {
  /// A URL with any password in its user info replaced, e.g. for a proxy URL.
  static func url(_ text: String) -> String {
    guard var components = URLComponents(string: text), components.password != nil else { return text }
    components.password = "REDACTED"
    return components.string ?? "(unparsable URL)"
  }

  /// `text` with every occurrence of each secret replaced, for output a plugin wrote that may echo one.
  static func removing(_ secrets: [String], from text: String) -> String {
    secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "REDACTED") }
  }
}
