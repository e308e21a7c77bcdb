import NIOCore

/// One SPDY/3.1 frame, as kubectl's port-forward client (spdystream) sends and reads them inside
/// the WebSocket tunnel: control frames start with the high bit set, the version and a type;
/// data frames with a stream id. Both carry flags and a 24-bit length.
enum SPDYFrame: Equatable {
  /// A new stream, with its compressed header block.
  case synStream(stream: UInt32, headerBlock: [UInt8])
  case synReply(stream: UInt32, headerBlock: [UInt8])
  case resetStream(stream: UInt32, status: UInt32)
  case ping(UInt32)
  case goAway
  /// A HEADERS frame: its block still goes through the connection's decompressor.
  case headers(stream: UInt32, headerBlock: [UInt8])
  case data(stream: UInt32, fin: Bool, bytes: [UInt8])
  /// SETTINGS, WINDOW_UPDATE and anything newer: nothing to do for a port-forward.
  case ignored

  static let version: UInt32 = 3
  static let finFlag: UInt8 = 1
  /// RST_STREAM's status for a stream the server cannot serve.
  static let refusedStream: UInt32 = 3

  /// Takes one whole frame off the front of `buffer`; nil (and `buffer` untouched) until one has arrived.
  static func read(from buffer: inout ByteBuffer) -> SPDYFrame? {
    guard let first: UInt32 = buffer.getInteger(at: buffer.readerIndex),
      let second: UInt32 = buffer.getInteger(at: buffer.readerIndex + 4)
    else { return nil }
    let flags = UInt8(second >> 24)
    let length = Int(second & 0xff_ffff)
    guard buffer.readableBytes >= 8 + length else { return nil }
    buffer.moveReaderIndex(forwardBy: 8)
    var body = buffer.readSlice(length: length)!
    guard first & 0x8000_0000 != 0 else {
      return .data(stream: first & 0x7fff_ffff, fin: flags & finFlag != 0, bytes: Array(body.readableBytesView))
    }
    let stream = (body.getInteger(at: body.readerIndex) as UInt32?).map { $0 & 0x7fff_ffff } ?? 0
    switch first & 0xffff {
    case 1:
      // Stream id, associated stream id, priority and slot come before the header block.
      guard body.readableBytes >= 10 else { return .ignored }
      body.moveReaderIndex(forwardBy: 10)
      return .synStream(stream: stream, headerBlock: Array(body.readableBytesView))
    case 3:
      return .resetStream(stream: stream, status: body.getInteger(at: body.readerIndex + 4) ?? 0)
    case 6:
      return .ping(body.getInteger(at: body.readerIndex) ?? 0)
    case 7:
      return .goAway
    case 8:
      guard body.readableBytes >= 4 else { return .ignored }
      body.moveReaderIndex(forwardBy: 4)
      return .headers(stream: stream, headerBlock: Array(body.readableBytesView))
    default:
      return .ignored
    }
  }

  /// The frame's bytes on the wire.
  func write(to buffer: inout ByteBuffer) {
    func control(_ type: UInt32, flags: UInt8 = 0, _ body: [UInt8]) {
      buffer.writeInteger(0x8000_0000 | Self.version << 16 | type)
      buffer.writeInteger(UInt32(flags) << 24 | UInt32(body.count))
      buffer.writeBytes(body)
    }
    func word(_ value: UInt32) -> [UInt8] {
      [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
    switch self {
    case .synStream(let stream, let block): control(1, word(stream) + word(0) + [0, 0] + block)
    case .synReply(let stream, let block): control(2, word(stream) + block)
    case .resetStream(let stream, let status): control(3, word(stream) + word(status))
    case .ping(let id): control(6, word(id))
    case .goAway: control(7, word(0) + word(0))
    case .headers(let stream, let block): control(8, word(stream) + block)
    case .data(let stream, let fin, let bytes):
      buffer.writeInteger(stream & 0x7fff_ffff)
      buffer.writeInteger(UInt32(fin ? Self.finFlag : 0) << 24 | UInt32(bytes.count))
      buffer.writeBytes(bytes)
    case .ignored: break
    }
  }
}
