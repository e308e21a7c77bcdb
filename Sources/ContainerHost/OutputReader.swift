import Foundation

/// Reads a process's output on a thread of its own until the other end closes (end of file, or
/// EIO for a terminal whose process is gone), then calls `done` once.
enum OutputReader {
  static func start(_ fd: Int32, output: @escaping @Sendable ([UInt8]) -> Void, done: @escaping @Sendable () -> Void) {
    let thread = Thread {
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        output(Array(buffer[0..<count]))
      }
      close(fd)
      done()
    }
    thread.name = "kubelab.container-output"
    thread.start()
  }
}
