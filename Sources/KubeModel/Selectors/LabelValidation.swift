/// The label key and value rules of apimachinery's `validation.IsQualifiedName` and
/// `IsValidLabelValue`, with their messages, and the `field.Invalid` wording selectors report them in.
enum LabelValidation {
  private static let qualifiedNameRule =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
  private static let qualifiedNameExamples =
    "(e.g. 'MyName',  or 'my.name',  or '123-abc', "
    + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
  private static let subdomainRule =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    + #"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#
  private static let labelValueRule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    + "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used "
    + "for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

  /// Problems with a label key (`[prefix/]name`), empty when it is valid.
  static func keyProblems(_ key: String) -> [String] {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    var problems: [String] = []
    let name: String
    switch parts.count {
    case 1:
      name = parts[0]
    case 2:
      name = parts[1]
      if parts[0].isEmpty {
        problems.append("prefix part must be non-empty")
      } else {
        problems += subdomainProblems(parts[0]).map { "prefix part " + $0 }
      }
    default:
      return [
        "a qualified name \(qualifiedNameRule) \(qualifiedNameExamples) with an optional DNS subdomain prefix "
          + "and '/' (e.g. 'example.com/MyName')"
      ]
    }
    if name.isEmpty {
      problems.append("name part must be non-empty")
    } else if name.utf8.count > 63 {
      problems.append("name part must be no more than 63 characters")
    }
    if !isQualifiedName(name) { problems.append("name part \(qualifiedNameRule) \(qualifiedNameExamples)") }
    return problems
  }

  /// Problems with a label value, empty when it is valid.
  static func valueProblems(_ value: String) -> [String] {
    var problems: [String] = []
    if value.utf8.count > 63 { problems.append("must be no more than 63 characters") }
    if !value.isEmpty && !isQualifiedName(value) { problems.append(labelValueRule) }
    return problems
  }

  /// `field.Invalid(path, value, detail).Error()` for a string value.
  static func invalid(path: String, value: String, problems: [String]) -> String {
    "\(path): Invalid value: \(GoFormat.quoted(value)): \(problems.joined(separator: "; "))"
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
  private static func isQualifiedName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
      return false
    }
    return bytes.allSatisfy {
      isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
    }
  }

  private static func subdomainProblems(_ value: String) -> [String] {
    var problems: [String] = []
    if value.utf8.count > 253 { problems.append("must be no more than 253 characters") }
    let labels = value.split(separator: ".", omittingEmptySubsequences: false)
    let valid = labels.allSatisfy { label in
      let bytes = Array(label.utf8)
      let lowerAlphanumeric: (UInt8) -> Bool = {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
      }
      guard let first = bytes.first, let last = bytes.last, lowerAlphanumeric(first), lowerAlphanumeric(last) else {
        return false
      }
      return bytes.allSatisfy { lowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
    if !valid { problems.append(subdomainRule) }
    return problems
  }
}
