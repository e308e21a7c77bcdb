import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file as one step: the new contents go to a temporary file beside it, reach the disk
/// (`fsync`), then take its name (`rename`). A reader sees the old file or the new one, never a
/// half-written one, even when the writer is killed.
enum AtomicFile {
  static func write(_ data: Data, to path: String) throws {
    let temporary = path + ".tmp-\(UUID().uuidString)"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SessionStoreError.io(temporary, "cannot create: \(errnoText())") }
    var written = 0
    let failure: String? = data.withUnsafeBytes { buffer in
      while written < buffer.count {
        let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return "cannot write: \(errnoText())"
        }
        written += result
      }
      return fsync(descriptor) == 0 ? nil : "cannot sync: \(errnoText())"
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw SessionStoreError.io(temporary, failure)
    }
    guard rename(temporary, path) == 0 else {
      let reason = errnoText()
      unlink(temporary)
      throw SessionStoreError.io(path, "cannot replace: \(reason)")
    }
  }

  /// Deletes the temporary files that writers of `path` killed half-way left behind. Only safe
  /// while holding the lock every writer of `path` takes.
  static func removeLeftovers(of path: String) {
    let url = URL(fileURLWithPath: path)
    let prefix = url.lastPathComponent + ".tmp-"
    let folder = url.deletingLastPathComponent().path
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
      unlink(folder + "/" + name)
    }
  }
}
