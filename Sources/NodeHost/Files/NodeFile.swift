import Foundation

/// One file (or symlink, or empty folder) of a node's tree, as kubeadm and the packages leave it.
struct NodeFile: Sendable {
  enum Content: Sendable {
    case text(String)
    case symlink(to: String)
    case directory
  }

  /// The path inside the node.
  var path: String
  var content: Content
  var mode: Int

  static func text(_ path: String, _ text: String, mode: Int = 0o644) -> NodeFile {
    NodeFile(path: path, content: .text(text), mode: mode)
  }

  static func secret(_ path: String, _ text: String) -> NodeFile {
    NodeFile(path: path, content: .text(text), mode: 0o600)
  }

  static func symlink(_ path: String, to target: String) -> NodeFile {
    NodeFile(path: path, content: .symlink(to: target), mode: 0o777)
  }

  static func directory(_ path: String, mode: Int = 0o755) -> NodeFile {
    NodeFile(path: path, content: .directory, mode: mode)
  }

  /// Writes the file under `tree`, making its folders; secrets never pass through a wider mode.
  func write(under tree: URL) throws {
    let target = tree.appendingPathComponent(String(path.drop(while: { $0 == "/" })))
    let manager = FileManager.default
    switch content {
    case .directory:
      try manager.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
    case .symlink(let destination):
      try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? manager.removeItem(at: target)
      try manager.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
    case .text(let text):
      try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      // Written beside it, then renamed: the kubelet reading the folder meanwhile never sees half a
      // manifest (a dot file, which it skips, until the rename).
      let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
      guard manager.createFile(atPath: partial.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
      else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target.path]) }
      guard rename(partial.path, target.path) == 0 else {
        try? manager.removeItem(at: partial)
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target.path])
      }
    }
  }
}
