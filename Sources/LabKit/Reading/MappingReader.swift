import Foundation
import KubeModel

/// Reads one YAML mapping of a lab or grader file: rejects keys not allowed at that place (with a
/// "did you mean"), reports wrong types and missing fields to the shared log, and hands back
/// whatever could be read so that decoding goes on and reports every problem in one run.
struct MappingReader {
  let node: YAMLNode
  let log: ProblemLog
  private var values: [String: YAMLNode] = [:]

  /// Nil (with a problem logged) when `node` is not a mapping.
  init?(_ node: YAMLNode, allowedKeys: [String], log: ProblemLog) {
    guard case .mapping(let entries) = node.kind else {
      log.add("expected a mapping, found \(node.typeDescription)", at: node.position)
      return nil
    }
    self.node = node
    self.log = log
    for entry in entries {
      guard let key = entry.key.scalarText else {
        log.add("expected a text key, found \(entry.key.typeDescription)", at: entry.key.position)
        continue
      }
      guard allowedKeys.contains(key) else {
        log.add(
          "unknown key `\(key)`" + EditDistance.didYouMean(key, among: allowedKeys), at: entry.key.position)
        continue
      }
      guard values[key] == nil else {
        log.add("duplicate key `\(key)`", at: entry.key.position)
        continue
      }
      values[key] = entry.value
    }
  }

  func has(_ key: String) -> Bool { values[key] != nil }

  subscript(key: String) -> YAMLNode? { values[key] }

  /// The node of a required key, logging its absence at the mapping.
  func required(_ key: String) -> YAMLNode? {
    if let value = values[key] { return value }
    log.add("missing required field `\(key)`", at: node.position)
    return nil
  }

  func string(_ key: String, required isRequired: Bool = false) -> Located<String>? {
    guard let value = isRequired ? required(key) : values[key] else { return nil }
    return Self.string(value, log: log)
  }

  static func string(_ node: YAMLNode, log: ProblemLog) -> Located<String>? {
    guard let text = node.scalarText else {
      log.add("expected a string, found \(node.typeDescription)", at: node.position)
      return nil
    }
    return Located(text, at: node.position)
  }

  func bool(_ key: String) -> Bool? {
    guard let value = values[key] else { return nil }
    guard case .bool(let flag)? = try? value.json, value.scalarText != nil else {
      log.add("expected a boolean, found \(value.typeDescription)", at: value.position)
      return nil
    }
    return flag
  }

  func number(_ key: String) -> Double? {
    guard let value = values[key] else { return nil }
    switch try? value.json {
    case .int(let number)?: return Double(number)
    case .double(let number)?: return number
    default:
      log.add("expected a number, found \(value.typeDescription)", at: value.position)
      return nil
    }
  }

  /// A whole number of at least `minimum`.
  func count(_ key: String, minimum: Int = 0) -> Int? {
    guard let value = values[key] else { return nil }
    guard case .int(let number)? = try? value.json else {
      log.add("expected a whole number, found \(value.typeDescription)", at: value.position)
      return nil
    }
    guard number >= minimum else {
      log.add("`\(key)` must be at least \(minimum), found \(number)", at: value.position)
      return nil
    }
    return number
  }

  func duration(_ key: String) -> Duration? {
    guard let text = string(key) else { return nil }
    do {
      return try DurationParser.parse(text.value)
    } catch {
      log.add("\(error)", at: text.position)
      return nil
    }
  }

  func list(_ key: String) -> [YAMLNode]? {
    guard let value = values[key] else { return nil }
    guard case .sequence(let items) = value.kind else {
      log.add("expected a list, found \(value.typeDescription)", at: value.position)
      return nil
    }
    return items
  }

  func stringList(_ key: String) -> [Located<String>]? {
    list(key).map { $0.compactMap { Self.string($0, log: log) } }
  }

  /// A percentage between 0 and 100.
  func percent(_ key: String) -> Double? {
    guard let value = number(key), let node = values[key] else { return nil }
    guard (0...100).contains(value) else {
      log.add("`\(key)` must be between 0 and 100, found \(node.scalarText ?? "")", at: node.position)
      return nil
    }
    return value
  }

  /// A regular expression that compiles, reported with its error otherwise.
  func regex(_ key: String) -> Located<String>? {
    guard let text = string(key) else { return nil }
    guard (try? NSRegularExpression(pattern: text.value)) != nil else {
      log.add("invalid regular expression `\(text.value)`", at: text.position)
      return nil
    }
    return text
  }

  /// Exactly one of `choices` present, logged otherwise; the one found.
  func oneOf(_ choices: [String], what: String) -> String? {
    let present = choices.filter(has)
    switch present.count {
    case 1: return present[0]
    case 0: log.add("\(what) needs one of \(Self.list(choices))", at: node.position)
    default: log.add("\(what) takes only one of \(Self.list(present))", at: node.position)
    }
    return nil
  }

  /// `` `a`, `b` or `c` `` for messages.
  static func list(_ words: [String]) -> String {
    let quoted = words.map { "`\($0)`" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
  }
}
