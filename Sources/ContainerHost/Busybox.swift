import Foundation
import Processes

/// The host's busybox (Debian `busybox`), the userland of every shell image, and the applets it
/// provides, each of which becomes a command in a container's /bin.
struct Busybox: Sendable {
  let path: String
  let applets: [String]

  /// Finds busybox on PATH or in /bin; nil when it is not installed.
  static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> Busybox? {
    let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
    guard let found = folders.map({ $0 + "/busybox" }).first(where: FileManager.default.isExecutableFile(atPath:))
    else { return nil }
    let path = URL(fileURLWithPath: found).resolvingSymlinksInPath().path
    guard let (reader, writer) = try? ProcessPipes.pipe() else { return nil }
    var list = ProcessCommand(path, ["--list"], environment: [:])
    (list.output, list.error) = (.descriptor(writer), .nullDevice)
    let listing = try? SpawnedProcess(list)
    close(writer)
    let output = FileHandle(fileDescriptor: reader, closeOnDealloc: true)
    guard let listing else { return nil }
    let text = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
    listing.waitUntilExit()
    let applets = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains("/") }
    return applets.isEmpty ? nil : Busybox(path: path, applets: applets)
  }
}
