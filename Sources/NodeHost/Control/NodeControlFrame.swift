import Foundation

/// The control channel's wire format: the client sends one request frame (a JSON
/// NodeToolInvocation); the sandbox answers with output frames and ends with an exit frame.
/// Every frame is a kind byte, a big-endian 32-bit length, and that many bytes.
public enum NodeControlFrame {
  public enum Kind: UInt8, Sendable {
    case request = 0
    case stdout = 1
    case stderr = 2
    /// The tool's exit status, a big-endian Int32.
    case exit = 3
  }

  /// Requests larger than this are refused: an invocation is a command line and an environment.
  static let maximumLength = 16 << 20

  public static func encode(_ kind: Kind, _ payload: Data) -> Data {
    var frame = Data([kind.rawValue])
    let length = UInt32(payload.count).bigEndian
    withUnsafeBytes(of: length) { frame.append(contentsOf: $0) }
    frame.append(payload)
    return frame
  }

  public static func exitPayload(_ status: Int32) -> Data {
    withUnsafeBytes(of: status.bigEndian) { Data($0) }
  }

  public static func status(from payload: Data) -> Int32 {
    guard payload.count == 4 else { return 1 }
    return payload.withUnsafeBytes { Int32(bigEndian: $0.loadUnaligned(as: Int32.self)) }
  }

  /// Reads one frame from a blocking socket; nil at end of stream or on a malformed frame.
  public static func read(from socket: Int32) -> (Kind, Data)? {
    guard let header = readExactly(5, from: socket), let kind = Kind(rawValue: header[0]) else { return nil }
    let length = header.dropFirst().reduce(0) { $0 << 8 | Int($1) }
    guard length <= maximumLength, let payload = readExactly(length, from: socket) else { return nil }
    return (kind, payload)
  }

  /// Writes all of `data`; false once the peer has gone.
  @discardableResult
  public static func write(_ data: Data, to socket: Int32) -> Bool {
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return false }
        offset += written
      }
      return true
    }
  }

  private static func readExactly(_ count: Int, from socket: Int32) -> Data? {
    var data = Data(count: count)
    var offset = 0
    while offset < count {
      let received = data.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + offset, count - offset, 0) }
      if received < 0, errno == EINTR { continue }
      guard received > 0 else { return nil }
      offset += received
    }
    return data
  }
}
