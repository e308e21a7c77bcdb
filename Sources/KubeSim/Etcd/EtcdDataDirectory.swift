import Foundation

/// An etcd data directory as etcd lays it out: member/snap/db holds the database, member/wal the
/// write-ahead log. `etcdutl snapshot restore` makes one; the simulated kubelet starting etcd on
/// a directory loads the cluster from it.
public struct EtcdDataDirectory: Sendable {
  public let url: URL

  public init(_ url: URL) {
    self.url = url
  }

  public var database: URL { url.appendingPathComponent("member/snap/db") }
  public var walFile: URL { url.appendingPathComponent("member/wal/0000000000000000-0000000000000000.wal") }

  /// Whether a member lives here; etcd starting on a folder without one begins an empty cluster.
  public var hasMember: Bool { FileManager.default.fileExists(atPath: database.path) }

  /// Whether restore may write here: etcd refuses a folder that already has content.
  public var isEmptyOrAbsent: Bool {
    guard let items = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
      return !FileManager.default.fileExists(atPath: url.path)
    }
    return items.isEmpty
  }

  /// The snapshot the member's database holds, nil when there is no member here.
  public func snapshot() throws -> EtcdSnapshot? {
    guard hasMember else { return nil }
    return try EtcdSnapshot(contentsOf: Data(contentsOf: database))
  }

  /// Lays a member out from a snapshot: the database, and an empty write-ahead log, owner-only as
  /// etcd makes them.
  public func write(_ snapshot: EtcdSnapshot) throws {
    let manager = FileManager.default
    for folder in [database.deletingLastPathComponent(), walFile.deletingLastPathComponent()] {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    try snapshot.database().write(to: database)
    try Data().write(to: walFile)
  }
}
