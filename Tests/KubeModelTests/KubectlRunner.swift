import Foundation
import Testing

/// The real kubectl binary (`kubectl.1.33` beside the `kubectl` on PATH), run with its own
/// KUBECACHEDIR and no kubeconfig, for tests that compare our behaviour with kubectl's.
struct KubectlRunner {
  static let version = "kubectl.1.33"

  static let binary: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("kubectl")
      guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
      let versioned = candidate.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(version)
      return FileManager.default.isExecutableFile(atPath: versioned.path) ? versioned : nil
    }
    return nil
  }()

  static let missingReason: Comment = "\(version) is not installed beside the kubectl on PATH"

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// A fresh temporary directory for this runner's files and discovery cache.
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-kubectl-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func run(_ arguments: [String]) throws -> Result {
    guard let binary = Self.binary else { throw Failure(description: Self.missingReason.description) }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["KUBECACHEDIR"] = directory.appendingPathComponent("cache").path
    environment["KUBECONFIG"] = directory.appendingPathComponent("no-kubeconfig").path
    process.environment = environment
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
      stderr: String(decoding: errors, as: UTF8.self))
  }
}
