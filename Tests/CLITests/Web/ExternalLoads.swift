import Foundation

/// What in a served file would make the browser load something from another site: an address
/// (`http(s)://` or protocol-relative `//`) where the browser fetches it, not anywhere in the text.
/// Vendored xterm.js and its CSS carry licence comments and documentation links (xterm.css names
/// term.js and jslinux, for instance): the browser never fetches those, so they are allowed there.
enum ExternalLoads {
  private static let rules: [(what: String, pattern: String)] = [
    ("an HTML src or href", #"\b(?:src|href)\s*=\s*(?:["']\s*(?:https?:)?//|https?://)"#),
    ("a CSS url()", #"\burl\(\s*["']?\s*(?:https?:)?//"#),
    ("a CSS @import", #"@import\s+(?:url\(\s*)?["']?\s*(?:https?:)?//"#),
    ("a JS import", #"(?<!@)\b(?:import|from)\s*\(?\s*["'`](?:https?:)?//"#),
    (
      "a script, fetch, worker or event source",
      #"\b(?:importScripts|fetch|Worker|SharedWorker|EventSource)\s*\(\s*["'`](?:https?:)?//"#
    ),
    // The page's own terminal socket goes to the host it was served from.
    ("a WebSocket", #"\bWebSocket\s*\(\s*["'`](?:wss?:)?//(?!\$\{location\.host\})"#),
    // Developer tools fetch a source map from wherever it says; the bundle serves none.
    ("a source map", #"[#@]\s*sourceMappingURL\s*="#),
  ]

  /// Each load found in `text`, as what it is and the text that makes it.
  static func find(in text: String) throws -> [String] {
    try rules.flatMap { rule -> [String] in
      let expression = try NSRegularExpression(pattern: rule.pattern)
      let whole = NSRange(text.startIndex..., in: text)
      return expression.matches(in: text, range: whole).compactMap { match in
        Range(match.range, in: text).map { "\(rule.what): \(text[$0])" }
      }
    }
  }
}
