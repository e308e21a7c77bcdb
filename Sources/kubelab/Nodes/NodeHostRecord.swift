import Foundation

/// Where a running sandbox keeps its node trees, found by its server URL: every sandbox with nodes
/// (`kubelab sandbox`, or one hosted in-process by `practice --sandbox` and `test`) writes one, so
/// `kubelab ssh` and node checks reach the sandbox behind any kubeconfig that points at it.
struct NodeHostRecord: Codable, Equatable {
  var pid: Int32
  var url: String
  /// The folder holding `<node>/` trees.
  var nodes: String

  /// Per user, beside other temporary files: URLs are unique among the sandboxes running here.
  static var folder: String { NSTemporaryDirectory() + "kubelab-\(getuid())/sandboxes" }

  private static func path(for url: String) -> String {
    let name = url.replacingOccurrences(of: "://", with: "_").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: ":", with: "_")
    return folder + "/" + name + ".json"
  }

  /// The record of the live sandbox serving `url`; a stale one is removed.
  static func find(url: String) -> NodeHostRecord? {
    let normalized = url.hasSuffix("/") ? String(url.dropLast()) : url
    let path = path(for: normalized)
    guard let data = FileManager.default.contents(atPath: path),
      let record = try? JSONDecoder().decode(NodeHostRecord.self, from: data)
    else { return nil }
    guard ProcessLiveness.isRunning(record.pid) else {
      try? FileManager.default.removeItem(atPath: path)
      return nil
    }
    return record
  }

  func write() throws {
    try FileManager.default.createDirectory(
      atPath: Self.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: Self.path(for: url)), options: .atomic)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: Self.path(for: url))
  }
}
