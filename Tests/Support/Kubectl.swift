import Foundation

/// The real kubectl binaries shipped beside the `kubectl` on PATH (kubectl.1.27 … kubectl.1.33),
/// each run with its own discovery cache so no run sees another's.
public struct Kubectl: Sendable {
  public let version: String
  public let path: String
  public let kubeconfig: String
  let cacheDirectory: String

  /// The binary for `version` (e.g. "1.33"), or nil when this machine does not have it.
  public init?(version: String, kubeconfig: String) {
    guard let folder = Self.binaryFolder else { return nil }
    let path = folder + "/kubectl." + version
    guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
    self.version = version
    self.path = path
    self.kubeconfig = kubeconfig
    cacheDirectory = TestScratch.path("kubectl-cache-")
  }

  /// The folder the PATH's kubectl links into, where the versioned binaries live.
  public static var binaryFolder: String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    for directory in paths {
      let candidate = "\(directory)/kubectl"
      guard FileManager.default.fileExists(atPath: candidate) else { continue }
      let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath()
      return resolved.deletingLastPathComponent().path
    }
    return nil
  }

  public static var availableVersions: [String] {
    guard let folder = binaryFolder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    return files.filter { $0.hasPrefix("kubectl.1.") }.map { String($0.dropFirst("kubectl.".count)) }.sorted()
  }

  /// Runs kubectl; `environment` adds variables such as `KUBE_EDITOR`. It awaits the process's exit
  /// without holding a thread.
  @discardableResult
  public func run(
    _ arguments: [String], input: String? = nil, environment: [String: String] = [:], timeout: TimeInterval = 60
  ) async throws -> ProcessOutput {
    try await ProcessRunner.run(path, arguments, environment: variables(environment), input: input, timeout: timeout)
  }

  /// Starts kubectl for a command that lasts (`get -w`), whose output the test reads as it comes.
  public func start(_ arguments: [String]) throws -> ChildProcess {
    try ProcessRunner.start(path, arguments, environment: variables([:]))
  }

  private func variables(_ extra: [String: String]) -> [String: String] {
    ["KUBECONFIG": kubeconfig, "KUBECACHEDIR": cacheDirectory].merging(extra) { _, new in new }
  }

  /// Runs kubectl with arguments split on spaces, for commands without quoted parts.
  @discardableResult
  public func callAsFunction(_ command: String, input: String? = nil) async throws -> ProcessOutput {
    try await run(command.split(separator: " ").map(String.init), input: input)
  }
}
