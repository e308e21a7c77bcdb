import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held while `body` runs. Every holder opens
/// the file itself, so two commands, or two threads of one process, exclude each other (the lock
/// belongs to the open file description); a killed holder's lock goes with its process.
enum FileLock {
  static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SessionStoreError.io(path, "cannot open the lock file: \(errnoText())") }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw SessionStoreError.io(path, "cannot lock: \(errnoText())") }
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}

func errnoText() -> String { String(cString: strerror(errno)) }
