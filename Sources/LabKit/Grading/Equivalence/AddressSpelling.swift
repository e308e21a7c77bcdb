/// Spellings of one socket, URL or runtime version that the tools print differently.
enum AddressSpelling {
  /// A socket path without its `unix://` scheme and with `/var/run` read as `/run` (a symlink on
  /// every current distribution): `unix:///var/run/containerd/containerd.sock` is
  /// `/run/containerd/containerd.sock`. Paths and `http(s)` URLs lose a trailing slash. Nil for
  /// other text.
  static func address(_ text: String) -> String? {
    var path = text.trimmingCharacters(in: .whitespaces)
    let lowered = path.lowercased()
    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
      while path.hasSuffix("/") && !path.hasSuffix("://") { path.removeLast() }
      return path.lowercased()
    }
    if lowered.hasPrefix("unix://") { path.removeFirst("unix://".count) }
    guard path.hasPrefix("/") else { return nil }
    while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
    if path.hasPrefix("/var/run/") { path.removeFirst("/var".count) }
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  /// A container runtime's version as a node reports it (`containerd://1.7.27`), or as a learner
  /// writes it (`containerd 1.7.27`, `1.7.27`, `v1.7.27`): the runtime's name (nil when left out)
  /// and the version. Nil for text of another shape; URL schemes are not runtime names.
  static func runtimeVersion(_ text: String) -> (runtime: String?, version: String)? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    var runtime: String?
    var version = trimmed
    if let separator = trimmed.range(of: "://") ?? trimmed.range(of: " ") {
      runtime = String(trimmed[..<separator.lowerBound])
      version = String(trimmed[separator.upperBound...]).trimmingCharacters(in: .whitespaces)
    }
    if let runtime {
      let isName = !runtime.isEmpty && runtime.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
      guard isName, !["http", "https", "unix", "tcp"].contains(runtime) else { return nil }
    }
    if version.hasPrefix("v") { version.removeFirst() }
    let parts = version.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts.count <= 3, parts.dropLast().allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      let last = parts.last, last.first?.isNumber == true, !version.contains(":")
    else { return nil }
    return (runtime, version)
  }
}
