import Foundation
import TestSupport

/// A real command-line client (curl, openssl, kubectl, python3), run through the shared
/// ProcessRunner; results keep the names these tests read.
struct CommandLineTool {
  struct Result {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  let path: String

  var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

  func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Result {
    let output = try await ProcessRunner.run(path, arguments, environment: extra)
    return Result(status: output.status, standardOutput: output.stdout, standardError: output.stderr)
  }

  static let curl = CommandLineTool(path: "/usr/bin/curl")
  static let openssl = CommandLineTool(path: "/usr/bin/openssl")
  /// Debian's interpreter, whose ssl module is built against the system OpenSSL.
  static let python = CommandLineTool(path: "/usr/bin/python3")

  /// A versioned kubectl (`kubectl.1.33`) from the folder the installed kubectl lives in.
  static func kubectl(version: String) -> CommandLineTool? {
    guard let folder = Kubectl.binaryFolder else { return nil }
    let tool = CommandLineTool(path: folder + "/kubectl." + version)
    return tool.isInstalled ? tool : nil
  }
}
