import Foundation

/// Reading the node's own files, as the real tool would find them on the node.
extension NodeContext {
  /// The text of a file of the node, nil when it is absent or unreadable.
  func readText(_ path: String, from directory: String = "/") -> String? {
    try? String(contentsOf: resolvedPath(path, from: directory), encoding: .utf8)
  }

  func fileExists(_ path: String, from directory: String = "/") -> Bool {
    FileManager.default.fileExists(atPath: resolvedPath(path, from: directory).path)
  }

  /// The names in a folder of the node, sorted; empty when it is absent.
  func listFolder(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: resolvedPath(path).path)) ?? []).sorted()
  }
}
