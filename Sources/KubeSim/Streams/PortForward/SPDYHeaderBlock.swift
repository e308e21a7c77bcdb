import CZlib

/// SPDY/3 header blocks: a count, then each name and value after its 32-bit big-endian length,
/// all compressed with zlib against the SPDY dictionary as one stream per direction of a
/// connection (each block is flushed, so it can be read as it arrives).
enum SPDYHeaderBlock {
  struct Malformed: Error {}

  /// The pairs of an inflated block; a value may hold several, separated by NUL.
  static func pairs(_ bytes: [UInt8]) throws -> [String: String] {
    var offset = 0
    func word() throws -> Int {
      guard offset + 4 <= bytes.count else { throw Malformed() }
      defer { offset += 4 }
      return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    func text() throws -> String {
      let count = try word()
      guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
      defer { offset += count }
      return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }
    var pairs: [String: String] = [:]
    for _ in 0..<(try word()) {
      let name = try text()
      pairs[name] = try text()
    }
    return pairs
  }

  /// An uncompressed block of `pairs`.
  static func encode(_ pairs: [(String, String)]) -> [UInt8] {
    func word(_ value: Int) -> [UInt8] {
      [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
    var bytes = word(pairs.count)
    for (name, value) in pairs {
      bytes += word(name.utf8.count) + Array(name.utf8) + word(value.utf8.count) + Array(value.utf8)
    }
    return bytes
  }
}

/// The client's header blocks, inflated in order through one zlib stream.
final class SPDYHeaderInflater {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

  init() {
    stream.initialize(to: z_stream())
    _ = kubelab_inflate_init(stream)
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  func inflate(_ block: [UInt8]) throws -> [UInt8] {
    var output: [UInt8] = []
    var input = block
    try input.withUnsafeMutableBufferPointer { input in
      stream.pointee.next_in = input.baseAddress
      stream.pointee.avail_in = UInt32(input.count)
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let (status, produced) = chunk.withUnsafeMutableBufferPointer { out in
          stream.pointee.next_out = out.baseAddress
          stream.pointee.avail_out = UInt32(out.count)
          let status = CZlib.inflate(stream, Z_SYNC_FLUSH)
          return (status, out.count - Int(stream.pointee.avail_out))
        }
        output += chunk[0..<produced]
        switch status {
        case Z_NEED_DICT:
          let dictionary = SPDYDictionary.bytes
          guard inflateSetDictionary(stream, dictionary, UInt32(dictionary.count)) == Z_OK else {
            throw Failure(description: "the header block was compressed against another dictionary")
          }
        case Z_OK where stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0: continue
        case Z_OK, Z_BUF_ERROR, Z_STREAM_END: return
        default: throw Failure(description: "the header block is not valid zlib data (\(status))")
        }
      }
    }
    stream.pointee.next_in = nil
    return output
  }
}

/// The sandbox's header blocks: a zlib stream of stored (uncompressed) blocks, each header block
/// flushed, which any inflater reads whatever dictionary it holds.
struct SPDYHeaderDeflater {
  private var started = false

  mutating func deflate(_ block: [UInt8]) -> [UInt8] {
    // zlib's header: deflate with a 32K window, no dictionary, and a check making it a multiple of 31.
    var bytes: [UInt8] = started ? [] : [0x78, 0x01]
    started = true
    var rest = block[...]
    repeat {
      let piece = rest.prefix(0xffff)
      rest = rest.dropFirst(piece.count)
      let count = UInt16(piece.count)
      // A stored block that is not the last: its 3 header bits, padded to the byte, then LEN and NLEN.
      bytes += [0, UInt8(count & 0xff), UInt8(count >> 8), UInt8(~count & 0xff), UInt8(~count >> 8)]
      bytes += piece
    } while !rest.isEmpty
    // An empty stored block ends the block as a sync flush does: an inflater hands out what it
    // holds when it reaches one, and reads nothing past it (Go's would otherwise look for the next
    // block beyond the frame and fail).
    return bytes + [0, 0, 0, 0xff, 0xff]
  }
}
