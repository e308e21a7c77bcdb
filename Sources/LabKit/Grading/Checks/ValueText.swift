import Foundation
import KubeModel

/// How messages quote what was found and what was expected.
enum ValueText {
  /// A string in quotes, anything else as compact JSON; long values are cut.
  static func quoted(_ value: JSON) -> String {
    switch value {
    case .string(let text): return quoted(text)
    default: return cut(value.serialized())
    }
  }

  static func quoted(_ text: String) -> String { "\"" + cut(text) + "\"" }

  /// `3` rather than `3.0` for whole numbers.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// `.spec.containers[0].image`; keys that are not plain words in brackets (`["app.kubernetes.io/name"]`).
  static func path(_ segments: [PathSegment]) -> String {
    segments.map { segment in
      switch segment {
      case .index(let index): return "[\(index)]"
      case .key(let key):
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return plain ? "." + key : "[\"\(key)\"]"
      }
    }.joined()
  }

  enum PathSegment {
    case key(String)
    case index(Int)
  }

  private static func cut(_ text: String, limit: Int = 120) -> String {
    text.count > limit ? String(text.prefix(limit)) + "…" : text
  }
}
