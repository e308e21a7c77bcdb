import Foundation
import Processes

/// A `kubelab sandbox` child process, started from the freshly built binary. Its stderr goes to
/// a log file in its state folder, never to the test's own: a sandbox left behind by a crashed
/// test run would otherwise hold swift test's pipe open, and swift test would wait for ever.
public final class SandboxProcess: Sendable {
  public let process: SpawnedProcess
  public let url: String
  public let kubeconfig: String
  public let readyLine: String

  /// The XDG_STATE_HOME the sandbox keeps its state in.
  public let stateFolder: String
  /// Whether the folder was made for this sandbox alone, and goes with it.
  private let ownsStateFolder: Bool

  /// What the sandbox printed on stderr.
  public var log: String { (try? String(contentsOfFile: stateFolder + "/sandbox.log", encoding: .utf8)) ?? "" }

  /// Starts `kubelab sandbox <arguments>` and waits for its ready line; `stateFolder` lets a
  /// second sandbox start where a first one left off.
  public init(arguments: [String] = [], stateFolder: String? = nil, timeout: TimeInterval = 60) throws {
    let folder = stateFolder ?? TestScratch.path("sandbox-")
    self.stateFolder = folder
    ownsStateFolder = stateFolder == nil
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let output = Pipe()
    var command = ProcessCommand.inheritingEnvironment(
      try BuiltProducts.kubelab(), ["sandbox"] + arguments,
      overrides: TestChildEnvironment.applied(to: ["XDG_STATE_HOME": folder]))
    command.output = .descriptor(output.fileHandleForWriting.fileDescriptor)
    command.error = .file(folder + "/sandbox.log", flags: O_WRONLY | O_CREAT | O_APPEND)
    process = try SpawnedProcess(command)
    try output.fileHandleForWriting.close()
    let line: String
    do {
      line = try Self.readLine(from: output.fileHandleForReading, timeout: timeout)
    } catch {
      process.end(with: SIGTERM, grace: 5)
      throw error
    }
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

  /// Ctrl-C, as a user stops it; how it ended.
  @discardableResult
  public func stop() -> ProcessTermination {
    process.end(with: SIGINT)
  }

  deinit {
    process.end(with: SIGKILL)
    if ownsStateFolder { try? FileManager.default.removeItem(atPath: stateFolder) }
  }

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
