/// The naming rule each resource's name must follow, with the real validation messages.
enum NameRules {
  case dns1123Subdomain
  case dns1123Label
  case dns1035Label
  case pathSegment

  static func rule(for resource: ServedResource) -> NameRules {
    switch resource.groupResource {
    case "namespaces": return .dns1123Label
    case "services": return .dns1035Label
    case let name where name.hasSuffix(".rbac.authorization.k8s.io"): return .pathSegment
    default: return .dns1123Subdomain
    }
  }

  /// The message the API server gives for a bad name, or nil when the name is fine.
  func problem(with name: String) -> String? {
    switch self {
    case .dns1123Subdomain:
      if name.count > 253 { return "must be no more than 253 characters" }
      let labels = name.split(separator: ".", omittingEmptySubsequences: false)
      if labels.allSatisfy({ Self.isLabel($0, firstMayBeDigit: true) }) { return nil }
      return
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    case .dns1123Label:
      if name.count > 63 { return "must be no more than 63 characters" }
      if Self.isLabel(Substring(name), firstMayBeDigit: true) { return nil }
      return
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    case .dns1035Label:
      if name.count > 63 { return "must be no more than 63 characters" }
      if Self.isLabel(Substring(name), firstMayBeDigit: false) { return nil }
      return
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    case .pathSegment:
      if name == "." || name == ".." { return "may not be '\(name)'" }
      if name.contains("/") { return "may not contain '/'" }
      if name.contains("%") { return "may not contain '%'" }
      return nil
    }
  }

  private static func isLabel(_ text: Substring, firstMayBeDigit: Bool) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    func lowerAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLowercase || c.isNumber) }
    guard lowerAlnum(first), lowerAlnum(last) else { return false }
    if !firstMayBeDigit && first.isNumber { return false }
    return text.allSatisfy { lowerAlnum($0) || $0 == "-" }
  }
}
