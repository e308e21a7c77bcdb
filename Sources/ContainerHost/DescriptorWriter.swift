import Foundation

/// Writes a whole buffer to a descriptor, retrying short writes and interruptions: a container's
/// stdin or terminal, and the pod network socket of its commands.
enum DescriptorWriter {
  /// Writes all of `bytes`; on a socket without SIGPIPE when the far end has gone. False when
  /// the descriptor stopped taking bytes.
  @discardableResult
  static func writeAll(_ fd: Int32, _ bytes: [UInt8], socket: Bool = false) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        socket ? send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) : write(fd, $0.baseAddress, $0.count)
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}
