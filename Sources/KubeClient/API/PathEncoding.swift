import Foundation

/// Percent-encoding for path segments and query strings built from user input (names, selectors
/// such as `app in (a,b)`, continue tokens).
enum PathEncoding {
  private static let unreserved = CharacterSet(
    charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

  static func segment(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  /// `path?key=value&…`, leaving `path` alone when there are no items.
  static func path(_ path: String, query: [(String, String)]) -> String {
    guard !query.isEmpty else { return path }
    return path + "?" + query.map { "\(segment($0.0))=\(segment($0.1))" }.joined(separator: "&")
  }
}
