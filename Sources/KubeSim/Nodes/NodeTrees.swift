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

  /// The host file behind an absolute path inside `node`, the node's links followed as the node
  /// sees them (see `resolve`).
  public func hostPath(_ path: String, on node: String) -> URL {
    Self.resolve(path, in: tree(of: node))
  }

  /// The host file behind a path of the node whose tree is `tree`, with the node's symbolic links
  /// followed as the node sees them: a link to `/etc/x` leads to the node's /etc/x, never the
  /// host's, and `..` stops at the node's root. Every node file the sandbox reads or writes goes
  /// through this, so a link the learner makes cannot reach outside the tree. A loop of links leads
  /// to a path that does not exist, as ELOOP fails the real tool.
  public static func resolve(_ path: String, in tree: URL, from directory: String = "/") -> URL {
    let absolute = path.hasPrefix("/") ? path : directory + "/" + path
    var resolved: [String] = []
    var pending = absolute.split(separator: "/").map(String.init)
    var hops = 0
    while !pending.isEmpty {
      let part = pending.removeFirst()
      if part == "." { continue }
      if part == ".." {
        _ = resolved.popLast()
        continue
      }
      let candidate = resolved + [part]
      let host = tree.appendingPathComponent(candidate.joined(separator: "/"))
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: host.path) else {
        resolved = candidate
        continue
      }
      hops += 1
      if hops > 40 { return tree.appendingPathComponent(".too-many-levels-of-symbolic-links/\(path)") }
      if target.hasPrefix("/") { resolved = [] }
      pending = target.split(separator: "/").map(String.init) + pending
    }
    return tree.appendingPathComponent(resolved.joined(separator: "/"))
  }

  /// Whether the node's tree has been made (trees are written once the sandbox serves).
  public func exists(_ node: String) -> Bool {
    FileManager.default.fileExists(atPath: tree(of: node).appendingPathComponent("etc/hostname").path)
  }
}
