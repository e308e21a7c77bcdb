import NIOCore
import Testing

@testable import KubeSim

/// The SPDY/3.1 pieces of port-forward: frames split out of a byte stream as they arrive, and
/// header blocks that share one zlib stream per direction.
@Suite struct SPDYFrameTests {
  static func bytes(_ hex: String) -> [UInt8] {
    stride(from: 0, to: hex.count, by: 2).map {
      let start = hex.index(hex.startIndex, offsetBy: $0)
      return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
  }

  @Test func framesAreReadOnlyOnceWholeAndWriteBackTheSame() {
    let frames: [SPDYFrame] = [
      .synStream(stream: 1, headerBlock: [1, 2, 3]), .synReply(stream: 1, headerBlock: [4]),
      .data(stream: 3, fin: true, bytes: Array("GET / HTTP/1.1\r\n".utf8)), .ping(7),
      .resetStream(stream: 3, status: 5),
    ]
    var wire = ByteBuffer()
    for frame in frames { frame.write(to: &wire) }
    var arriving = ByteBuffer()
    var read: [SPDYFrame] = []
    // One byte at a time, as a slow tunnel might deliver them.
    while let byte = wire.readBytes(length: 1) {
      arriving.writeBytes(byte)
      while let frame = SPDYFrame.read(from: &arriving) { read.append(frame) }
    }
    // A SYN_REPLY read back is not one the server expects from a client: it is parsed as ignored.
    #expect(read == [frames[0], .ignored, frames[2], frames[3], frames[4]])
  }

  @Test func headerBlocksOfOneStreamInflateInOrderAgainstTheDictionary() throws {
    // Two blocks from one zlib stream compressed against the SPDY dictionary and flushed after
    // each, as a client's framer sends them (made with Python's zlib, level 9).
    let first = Self.bytes(
      "78f9e3c6a7c202253a703a2b294a4dcc851625aca9a0808614cb45a024cc64610024398b209198094adc8c0600000000ffff")
    let second = Self.bytes("c2aa15540a2512d209000000ffff")
    let inflater = SPDYHeaderInflater()
    #expect(
      try SPDYHeaderBlock.pairs(inflater.inflate(first)) == ["streamtype": "error", "port": "80", "requestid": "0"])
    #expect(
      try SPDYHeaderBlock.pairs(inflater.inflate(second)) == ["streamtype": "data", "port": "80", "requestid": "0"])
  }

  @Test func theSandboxsBlocksAreAZlibStreamAnyInflaterReads() throws {
    var deflater = SPDYHeaderDeflater()
    let inflater = SPDYHeaderInflater()
    let empty = SPDYHeaderBlock.encode([])
    let named = SPDYHeaderBlock.encode([("status", "200")])
    #expect(try inflater.inflate(deflater.deflate(empty)) == empty)
    #expect(try inflater.inflate(deflater.deflate(named)) == named)
  }
}
