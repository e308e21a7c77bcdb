import Foundation

/// A `file` check on the learner's machine. A missing file fails; one that exists but cannot be
/// read is an error (the grader could not look).
struct FileCheckEvaluation {
  let check: FileCheck
  /// Where a relative path resolves.
  let directory: String

  func evaluate() -> CheckOutcome {
    let path = check.path.hasPrefix("/") ? check.path : (directory as NSString).appendingPathComponent(check.path)
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    let name = "the file \(check.path)"
    switch check.condition {
    case .exists(true): return exists ? .pass("\(name) exists") : .fail("\(name) does not exist")
    case .exists(false): return exists ? .fail("\(name) exists") : .pass("\(name) does not exist")
    case .contains(let part):
      return read(path, name, exists: exists, isDirectory: isDirectory.boolValue) { text in
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
      return read(path, name, exists: exists, isDirectory: isDirectory.boolValue) { text in
        let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        return found ? .pass("\(name) matches /\(pattern)/") : .fail("\(name) does not match /\(pattern)/")
      }
    }
  }

  private func read(
    _ path: String, _ name: String, exists: Bool, isDirectory: Bool, _ judge: (String) -> CheckOutcome
  ) -> CheckOutcome {
    guard exists else { return .fail("\(name) does not exist") }
    if isDirectory { return .fail("\(name) is a directory, expected a file") }
    guard let data = FileManager.default.contents(atPath: path) else { return .error("\(name) cannot be read") }
    return judge(String(decoding: data, as: UTF8.self))
  }
}
