import Foundation

/// Runs a real command-line client (curl, openssl, kubectl, python3) and captures its output.
struct CommandLineTool {
  struct Result {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  let path: String

  var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

  func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
    // Files, not pipes, so a chatty child can never block on a full pipe while we wait for it.
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let outURL = directory.url.appendingPathComponent("stdout")
    let errURL = directory.url.appendingPathComponent("stderr")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      status: process.terminationStatus,
      standardOutput: try String(contentsOf: outURL, encoding: .utf8),
      standardError: try String(contentsOf: errURL, encoding: .utf8)
    )
  }

  static let curl = CommandLineTool(path: "/usr/bin/curl")
  static let openssl = CommandLineTool(path: "/usr/bin/openssl")
  /// Debian's interpreter, whose ssl module is built against the system OpenSSL.
  static let python = CommandLineTool(path: "/usr/bin/python3")

  /// A versioned kubectl (`kubectl.1.33`) from the folder the installed kubectl lives in.
  static func kubectl(version: String) -> CommandLineTool? {
    let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in searchPath.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("kubectl")
      guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
      let realFolder = candidate.resolvingSymlinksInPath().deletingLastPathComponent()
      let tool = CommandLineTool(path: realFolder.appendingPathComponent("kubectl.\(version)").path)
      return tool.isInstalled ? tool : nil
    }
    return nil
  }
}
