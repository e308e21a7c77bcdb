import Foundation

extension NodeContext {
  /// The host file behind a path of the node, with the node's symbolic links followed as the node
  /// sees them: a link to `/etc/x` leads to the node's /etc/x, never the host's. Every file a tool
  /// reads or writes goes through this, so a link the learner makes cannot reach outside the tree.
  /// A loop of links leads to a path that does not exist, as ELOOP fails the real tool.
  public func resolvedPath(_ path: String, from directory: String = "/") -> URL {
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
}
