import Foundation

/// A JSON pointer (RFC 6901): `/spec/containers/0/image`, with `~1` for `/` and `~0` for `~`.
struct JSONPointer: Equatable, CustomStringConvertible {
  /// The unescaped reference tokens; empty for the whole document.
  var tokens: [String]
  /// The pointer as written, for messages.
  var description: String

  init(_ text: String) throws {
    description = text
    guard !text.isEmpty else {
      tokens = []
      return
    }
    guard text.hasPrefix("/") else {
      throw PatchError("JSON pointer \"\(text)\" must be empty or start with \"/\"")
    }
    tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      // ~1 first, so that "~01" becomes "~1" and not "/".
      $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
  }

  /// Whether this pointer names `other` or something inside it.
  func isPrefix(of other: JSONPointer) -> Bool {
    tokens.count <= other.tokens.count && Array(other.tokens.prefix(tokens.count)) == tokens
  }
}
