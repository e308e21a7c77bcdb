import Foundation

/// A `kubelab sandbox` child process, started from the freshly built binary.
public final class SandboxProcess: @unchecked Sendable {
  public let process = Process()
  public let url: String
  public let kubeconfig: String
  public let readyLine: String
  private let output = Pipe()

  /// The XDG_STATE_HOME the sandbox keeps its state in.
  public let stateFolder: String

  /// Starts `kubelab sandbox <arguments>` and waits for its ready line; `stateFolder` lets a
  /// second sandbox start where a first one left off.
  public init(arguments: [String] = [], stateFolder: String? = nil, timeout: TimeInterval = 60) throws {
    let folder = stateFolder ?? NSTemporaryDirectory() + "kubelab-sandbox-" + UUID().uuidString
    self.stateFolder = folder
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    process.executableURL = URL(fileURLWithPath: try BuiltProducts.kubelab())
    process.arguments = ["sandbox"] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": folder]) { _, new in new }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    try process.run()
    let line = try Self.readLine(from: output.fileHandleForReading, timeout: timeout)
    readyLine = line
    // "Sandbox ready: <url> (kubeconfig: <file>)"
    let prefix = "Sandbox ready: "
    guard line.hasPrefix(prefix), line.hasSuffix(")"), let open = line.range(of: " (kubeconfig: ") else {
      process.end(with: SIGTERM)
      throw SandboxStartError(message: "unexpected first line from kubelab sandbox: \(line)")
    }
    url = String(line[line.index(line.startIndex, offsetBy: prefix.count)..<open.lowerBound])
    kubeconfig = String(line[open.upperBound..<line.index(before: line.endIndex)])
  }

  /// Ctrl-C, as a user stops it; its exit status.
  public func stop() -> Int32 {
    process.end(with: SIGINT)
    return process.terminationStatus
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

  /// The first line a child prints, read as it comes (a server prints it when it is ready).
  public static func readLine(from handle: FileHandle, timeout: TimeInterval) throws -> String {
    var buffer = Data()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      buffer.append(chunk)
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        return String(decoding: buffer[..<newline], as: UTF8.self)
      }
    }
    throw SandboxStartError(
      message: "the process printed no first line: \(String(decoding: buffer, as: UTF8.self))")
  }
}

public struct SandboxStartError: Error, CustomStringConvertible {
  public var message: String

  public init(message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// Paths of the products `swift build` made, found beside the running test bundle.
public enum BuiltProducts {
  public static func kubelab() throws -> String {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("kubelab").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    throw SandboxStartError(message: "the kubelab executable was not built next to the tests (run `swift build` first)")
  }
}
