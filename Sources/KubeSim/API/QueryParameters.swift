import Foundation

/// A URL query string, decoded as Go's url.ParseQuery decodes it.
public struct QueryParameters: Sendable {
  private var pairs: [(String, String)] = []

  public init(_ query: String) {
    for part in query.split(separator: "&") where !part.isEmpty {
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(String(pieces[0]))
      let value = pieces.count > 1 ? Self.decode(String(pieces[1])) : ""
      pairs.append((name, value))
    }
  }

  public subscript(name: String) -> String? {
    pairs.first { $0.0 == name }?.1
  }

  /// Booleans as Go's strconv.ParseBool reads them; Python sends `True`.
  public func flag(_ name: String) -> Bool {
    guard let value = self[name]?.lowercased() else { return false }
    return value == "true" || value == "1" || value == "t"
  }

  /// Every value of a repeated parameter, in order (exec's `command=`).
  public func values(_ name: String) -> [String] {
    pairs.filter { $0.0 == name }.map(\.1)
  }

  public func integer(_ name: String) -> Int? {
    self[name].flatMap { Int($0) }
  }

  static func decode(_ text: String) -> String {
    let plusAsSpace = text.replacingOccurrences(of: "+", with: " ")
    return plusAsSpace.removingPercentEncoding ?? plusAsSpace
  }
}
