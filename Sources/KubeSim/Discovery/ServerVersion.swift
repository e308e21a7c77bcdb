import KubeModel

/// The Kubernetes release the sandbox presents itself as. kubectl's version dispatcher picks its
/// client version from this, so it stays within the range of clients tested (1.27–1.33).
public struct ServerVersion: Sendable {
  public var major = "1"
  public var minor = "33"
  public var gitVersion = "v1.33.1"

  public init() {}

  /// The release a `vMAJOR.MINOR.PATCH` tag names; nil for anything else.
  public init?(gitVersion: String) {
    let parts = gitVersion.dropFirst(gitVersion.hasPrefix("v") ? 1 : 0).split(separator: ".")
    guard gitVersion.hasPrefix("v"), parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else { return nil }
    major = String(parts[0])
    minor = String(parts[1])
    self.gitVersion = gitVersion
  }

  public var json: JSON {
    [
      "major": .string(major), "minor": .string(minor), "gitVersion": .string(gitVersion),
      "gitCommit": "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "gitTreeState": "clean",
      "buildDate": "2025-05-15T08:19:08Z", "goVersion": "go1.24.2", "compiler": "gc", "platform": "linux/amd64",
    ]
  }
}
