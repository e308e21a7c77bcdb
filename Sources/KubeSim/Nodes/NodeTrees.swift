import Foundation

/// Where a sandbox keeps its nodes' files: `<root>/<node>/` mirrors the node's writable root
/// (etc, var, root, run, opt, tmp, home), so a path P inside the node is `<root>/<node>/P` on the
/// host. The node shell binds these folders over the same paths; the simulated kubelet reads its
/// manifests and configuration from them.
public struct NodeTrees: Sendable, Equatable {
  public let root: URL

  public init(root: URL) {
    self.root = root
  }

  public func tree(of node: String) -> URL {
    root.appendingPathComponent(node, isDirectory: true)
  }

  /// The host file behind an absolute path inside `node`; `..` cannot climb out of the tree.
  public func hostPath(_ path: String, on node: String) -> URL {
    let normalized = URL(fileURLWithPath: "/" + path).standardizedFileURL.path
    return tree(of: node).appendingPathComponent(String(normalized.dropFirst()))
  }

  /// Whether the node's tree has been made (trees are written once the sandbox serves).
  public func exists(_ node: String) -> Bool {
    FileManager.default.fileExists(atPath: tree(of: node).appendingPathComponent("etc/hostname").path)
  }
}
