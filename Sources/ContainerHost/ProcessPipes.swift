import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The descriptors a container process gets: a pipe or a terminal. Every end closes on exec, so a
/// program this process runs never inherits it and keeps it open (a SpawnedProcess child gets
/// only its three streams in any case).
enum ProcessPipes {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// A pipe: (read end, write end).
  static func pipe() throws -> (Int32, Int32) {
    var ends: [Int32] = [0, 0]
    guard Glibc.pipe(&ends) == 0 else { throw failure("cannot create a pipe") }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return (ends[0], ends[1])
  }

  /// A terminal: (kubelab's end, the process's end).
  static func terminal() throws -> (Int32, Int32) {
    var controller: Int32 = 0
    var device: Int32 = 0
    guard openpty(&controller, &device, nil, nil, nil) == 0 else { throw failure("cannot open a terminal") }
    _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
    _ = fcntl(device, F_SETFD, FD_CLOEXEC)
    return (controller, device)
  }

  /// Sets the terminal's size, as `kubectl exec -t` reports its own.
  static func resize(_ controller: Int32, width: Int, height: Int) {
    var size = winsize(ws_row: UInt16(clamping: height), ws_col: UInt16(clamping: width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
  }

  private static func failure(_ what: String) -> Failure {
    Failure(description: "\(what): \(String(cString: strerror(errno)))")
  }
}
