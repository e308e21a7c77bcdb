import KubeModel

/// The Kubernetes release the sandbox presents itself as. kubectl's version dispatcher picks its
/// client version from this, so it stays within the range of clients tested (1.27–1.33).
public struct ServerVersion: Sendable {
  public var major = "1"
  public var minor = "33"
  public var gitVersion = "v1.33.1"

  public init() {}

  public var json: JSON {
    [
      "major": .string(major), "minor": .string(minor), "gitVersion": .string(gitVersion),
      "gitCommit": "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "gitTreeState": "clean",
      "buildDate": "2025-05-15T08:19:08Z", "goVersion": "go1.24.2", "compiler": "gc", "platform": "linux/amd64",
    ]
  }
}
