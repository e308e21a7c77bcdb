import Foundation

/// Unix stream sockets at paths longer than sun_path's 108 bytes: the folder is opened and the
/// socket named through /proc/self/fd, which the kernel resolves to the real folder.
public enum UnixSocket {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  public static func listen(at path: String) throws -> Int32 {
    try withShortPath(path) { short in
      let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
      unlink(short)
      let bound = withAddress(short) { Glibc.bind(socket, $0, $1) }
      guard bound == 0, Glibc.listen(socket, 64) == 0 else {
        let reason = String(cString: strerror(errno))
        close(socket)
        throw Failure(description: "cannot listen on \(path): \(reason)")
      }
      return socket
    }
  }

  public static func connect(to path: String) throws -> Int32 {
    try withShortPath(path) { short in
      let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
      guard withAddress(short, { Glibc.connect(socket, $0, $1) }) == 0 else {
        let reason = String(cString: strerror(errno))
        close(socket)
        throw Failure(description: "cannot connect to \(path): \(reason)")
      }
      return socket
    }
  }

  private static func withShortPath<T>(_ path: String, _ body: (String) throws -> T) throws -> T {
    if path.utf8.count < 100 { return try body(path) }
    let folder = (path as NSString).deletingLastPathComponent
    let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else {
      throw Failure(description: "cannot open \(folder): \(String(cString: strerror(errno)))")
    }
    defer { close(directory) }
    return try body("/proc/self/fd/\(directory)/" + (path as NSString).lastPathComponent)
  }

  private static func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8.prefix(MemoryLayout.size(ofValue: address.sun_path) - 1))
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in bytes.enumerated() { buffer[index] = byte }
    }
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
  }
}
