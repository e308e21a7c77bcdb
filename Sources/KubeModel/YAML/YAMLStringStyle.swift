/// How a string is written in block YAML, chosen as go-yaml v2 and libyaml's emitter choose it:
/// go-yaml asks for a literal block when the text has a line break, double quotes when the text would
/// read back as something else (`"true"`, `"1:20"`, `"2024-01-01"`), plain otherwise; libyaml then
/// falls back to single and then double quotes when indicators, spaces or special characters make
/// the asked style unsafe.
enum YAMLStringStyle: Equatable {
  case plain, singleQuoted, doubleQuoted, literal

  init(for text: String, isKey: Bool) {
    let analysis = Analysis(text)
    if text.contains("\n") {
      self = analysis.blockAllowed && !isKey ? .literal : .doubleQuoted
      return
    }
    // A plain `<<` key would read back as a merge key (go-yaml writes it plain all the same).
    if YAMLScalarResolver.implicitValue(text, timestampAllowed: true).0 != "!!str" || Self.isBase60(text)
      || (isKey && text == "<<")
    {
      self = .doubleQuoted
      return
    }
    // Line and paragraph separators are breaks to YAML: only double quotes keep them as they are.
    if analysis.plainAllowed {
      self = .plain
    } else if analysis.singleQuotedAllowed && !analysis.lineBreaks {
      self = .singleQuoted
    } else {
      self = .doubleQuoted
    }
  }

  /// YAML 1.1 sexagesimal numbers (`1:20`, `-3:25:45.5`): go-yaml reads them as strings but quotes
  /// them on output for parsers that do not.
  private static func isBase60(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
    guard let first = rest.first, first.isASCII, first.isNumber, rest.contains(":") else { return false }
    let head = rest.prefix(while: { $0 != ":" })
    guard head.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return false }
    rest = rest.dropFirst(head.count)
    var groups = 0
    while rest.first == ":" {
      rest = rest.dropFirst()
      let group = rest.prefix(while: { $0.isASCII && $0.isNumber })
      guard (1...2).contains(group.count), group.count == 1 || (group.first ?? "9") <= "5" else { return false }
      rest = rest.dropFirst(group.count)
      groups += 1
    }
    if rest.first == "." {
      rest = rest.dropFirst()
      rest = rest.drop(while: { ($0.isASCII && $0.isNumber) || $0 == "_" })
    }
    return groups > 0 && rest.isEmpty
  }

  /// libyaml's scalar analysis (yaml_emitter_analyze_scalar) for the block context.
  private struct Analysis {
    var plainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true
    var lineBreaks = false

    init(_ text: String) {
      let scalars = Array(text.unicodeScalars)
      guard !scalars.isEmpty else {
        blockAllowed = false
        return
      }
      var indicators = text.hasPrefix("---") || text.hasPrefix("...")
      var special = false
      var leadingOrTrailingBlank = false
      var spaceBeforeBreak = false
      var spaceAfterBreak = false
      var trailingSpace = false
      var previousSpace = false
      var previousBreak = false
      var precededByWhitespace = true
      for (index, scalar) in scalars.enumerated() {
        let isFirst = index == 0
        let isLast = index == scalars.count - 1
        let followedByWhitespace = isLast || Self.isBlankOrBreak(scalars[index + 1])
        if isFirst {
          if Self.isFlowOrTagIndicator(scalar) { indicators = true }
          if (scalar == "?" || scalar == ":" || scalar == "-") && followedByWhitespace { indicators = true }
        } else {
          if scalar == ":" && followedByWhitespace { indicators = true }
          if scalar == "#" && precededByWhitespace { indicators = true }
        }
        if !Self.isPrintable(scalar) { special = true }
        if Self.isBreak(scalar) { lineBreaks = true }
        if scalar == " " {
          if isFirst || isLast { leadingOrTrailingBlank = true }
          if isLast { trailingSpace = true }
          if previousBreak { spaceAfterBreak = true }
          previousSpace = true
          previousBreak = false
        } else if Self.isBreak(scalar) {
          if isFirst || isLast { leadingOrTrailingBlank = true }
          if previousSpace { spaceBeforeBreak = true }
          previousBreak = true
          previousSpace = false
        } else {
          previousSpace = false
          previousBreak = false
        }
        precededByWhitespace = Self.isBlankOrBreak(scalar)
      }
      if leadingOrTrailingBlank || lineBreaks || indicators { plainAllowed = false }
      if trailingSpace { blockAllowed = false }
      if spaceAfterBreak {
        plainAllowed = false
        singleQuotedAllowed = false
      }
      if spaceBeforeBreak || special {
        plainAllowed = false
        singleQuotedAllowed = false
        blockAllowed = false
      }
    }

    // Switches, not set lookups: the emitter asks these of every character it writes, PEM
    // certificates in kubeconfigs included.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return true
      default: return false
      }
    }

    /// Characters that make a plain scalar something else when they start it.
    static func isFlowOrTagIndicator(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar {
      case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`": return true
      default: return false
      }
    }

    static func isBlankOrBreak(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || isBreak(scalar)
    }

    /// libyaml's printable set; tabs, other controls and characters outside the BMP are not in it.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: return true
      case 0xE000...0xFFFD: return scalar.value != 0xFEFF
      default: return false
      }
    }
  }
}
