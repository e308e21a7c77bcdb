import Foundation

/// A `file` check, on the learner's machine or on a sandbox node. A missing file fails; one that
/// exists but cannot be read is an error (the grader could not look).
struct FileCheckEvaluation {
  /// What the grader found at the path.
  enum Found {
    case missing
    case directory
    case text(String)
    /// The grader could not look, and why.
    case unreadable(String)
  }

  let check: FileCheck
  /// Where a relative path resolves.
  let directory: String
  /// How node files are read.
  let nodeLogin: NodeLoginCommand
  let environment: [String: String]

  func evaluate() async -> CheckOutcome {
    let name = check.node.map { "the file \(check.path) on \($0)" } ?? "the file \(check.path)"
    let found: Found
    if let node = check.node {
      found = await NodeFileReader(nodeLogin: nodeLogin, environment: environment).read(check.path, on: node)
    } else {
      found = readLocally()
    }
    switch check.condition {
    case .exists(let wanted):
      let exists = if case .missing = found { false } else { true }
      if case .unreadable(let reason) = found { return .error("\(name) cannot be read: \(reason)") }
      return exists == wanted
        ? .pass("\(name) \(exists ? "exists" : "does not exist")")
        : .fail("\(name) \(exists ? "exists" : "does not exist")")
    case .contains(let part):
      return judge(found, name) { text in
        text.contains(part)
          ? .pass("\(name) contains \(ValueText.quoted(part))")
          : .fail("\(name) does not contain \(ValueText.quoted(part))")
      }
    case .matches(let pattern):
      let expression: NSRegularExpression
      do {
        // `^` and `$` match at line ends: files are read line by line by people, too.
        expression = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
      } catch {
        return .error("the check's regular expression /\(pattern)/ does not compile: \(error)")
      }
      return judge(found, name) { text in
        let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        return found ? .pass("\(name) matches /\(pattern)/") : .fail("\(name) does not match /\(pattern)/")
      }
    }
  }

  private func judge(_ found: Found, _ name: String, _ verdict: (String) -> CheckOutcome) -> CheckOutcome {
    switch found {
    case .missing: .fail("\(name) does not exist")
    case .directory: .fail("\(name) is a directory, expected a file")
    case .unreadable(let reason): .error("\(name) cannot be read: \(reason)")
    case .text(let text): verdict(text)
    }
  }

  private func readLocally() -> Found {
    let path = check.path.hasPrefix("/") ? check.path : (directory as NSString).appendingPathComponent(check.path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
    if isDirectory.boolValue { return .directory }
    guard let data = FileManager.default.contents(atPath: path) else { return .unreadable("permission denied") }
    return .text(String(decoding: data, as: UTF8.self))
  }
}
