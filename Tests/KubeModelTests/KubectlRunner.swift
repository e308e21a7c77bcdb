import Foundation
import TestSupport
import Testing

/// The real kubectl binary (`kubectl.1.33` beside the `kubectl` on PATH), run with its own
/// KUBECACHEDIR and no kubeconfig, for tests that compare our behaviour with kubectl's.
struct KubectlRunner {
  static let version = "kubectl.1.33"

  static let binary: URL? = Kubectl.binaryFolder.map { URL(fileURLWithPath: $0).appendingPathComponent(version) }
    .flatMap { FileManager.default.isExecutableFile(atPath: $0.path) ? $0 : nil }

  static let missingReason: Comment = "\(version) is not installed beside the kubectl on PATH"

  typealias Result = ProcessOutput

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// A fresh temporary directory for this runner's files and discovery cache.
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-kubectl-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func run(_ arguments: [String]) async throws -> Result {
    guard let binary = Self.binary else { throw Failure(description: Self.missingReason.description) }
    return try await ProcessRunner.run(
      binary.path, arguments,
      environment: [
        "KUBECACHEDIR": directory.appendingPathComponent("cache").path,
        "KUBECONFIG": directory.appendingPathComponent("no-kubeconfig").path,
      ])
  }
}
