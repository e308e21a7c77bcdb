import Foundation
import Synchronization

/// A small file (a token) whose contents are read again whenever it changes on disk, so rotation by
/// a kubelet or a script is picked up without rereading it on every request. The kubelet rotates
/// service account tokens by swapping a symlink, so the file is identified after resolving links.
final class WatchedFile: Sendable {
  let path: String
  private let cached = Mutex<(stamp: Stamp, contents: Data)?>(nil)

  private struct Stamp: Equatable {
    var target: String
    var fileNumber: Int?
    var size: Int?
    var modified: Date?
  }

  init(path: String) {
    self.path = path
  }

  /// The current contents; nil when the file is missing or unreadable.
  func read() -> Data? {
    cached.withLock { cached in
      guard let resolved = realpath(path, nil) else { return nil }
      let target = String(cString: resolved)
      free(resolved)
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else { return nil }
      let stamp = Stamp(
        target: target,
        fileNumber: (attributes[.systemFileNumber] as? NSNumber)?.intValue,
        size: (attributes[.size] as? NSNumber)?.intValue,
        modified: attributes[.modificationDate] as? Date)
      if let cached, cached.stamp == stamp { return cached.contents }
      guard let contents = FileManager.default.contents(atPath: target) else { return nil }
      cached = (stamp, contents)
      return contents
    }
  }

  /// Drops the cached contents so the next read goes to the disk whatever the file's stamp.
  func forget() {
    cached.withLock { $0 = nil }
  }
}
