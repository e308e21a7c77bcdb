import CCurl
import Foundation

/// The state of one transfer that libcurl's callbacks write into: the status line and headers,
/// the body, or (for a watch) the body split into lines handed on as they arrive.
final class CurlTransfer {
  typealias LineHandler = @Sendable ([UInt8]) throws -> Void

  let cancellation: CancellationFlag
  private let onLine: LineHandler?
  private(set) var status = 0
  private(set) var headers: [(name: String, value: String)] = []
  private(set) var body: [UInt8] = []
  /// Whether any line reached `onLine`: after that, a failed watch cannot be silently retried.
  private(set) var deliveredLines = false
  /// An error thrown by `onLine`, which aborted the transfer.
  private(set) var lineError: Error?

  init(cancellation: CancellationFlag, onLine: LineHandler?) {
    self.cancellation = cancellation
    self.onLine = onLine
  }

  /// Streams only successful answers; an error answer is collected whole to decode its Status.
  private var streaming: Bool { onLine != nil && (200..<300).contains(status) }

  func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
      // A new status line (after a 100 Continue, or a proxy's CONNECT answer) starts over.
      let fields = line.split(separator: " ")
      status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
      headers = []
    } else if let colon = line.firstIndex(of: ":") {
      headers.append(
        (
          name: String(line[..<colon]),
          value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        ))
    }
  }

  /// Returns false to make libcurl abort the transfer.
  func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
    if cancellation.isCancelled { return false }
    body.append(contentsOf: bytes)
    guard streaming, let onLine else { return true }
    var start = 0
    while let newline = body[start...].firstIndex(of: UInt8(ascii: "\n")) {
      let line = Array(body[start..<newline])
      start = newline + 1
      guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
      do {
        try onLine(line)
        deliveredLines = true
      } catch {
        lineError = error
        return false
      }
    }
    body.removeFirst(start)
    return true
  }

  /// Registers the callbacks on `handle`, pointing them at this transfer; the caller keeps the
  /// transfer alive until `perform` returns.
  func install(on handle: CurlEasyHandle) throws {
    let context = Unmanaged.passUnretained(self).toOpaque()
    try handle.set(CURLOPT_WRITEFUNCTION, callback: curlWriteCallback)
    try handle.set(CURLOPT_WRITEDATA, pointer: context)
    try handle.set(CURLOPT_HEADERFUNCTION, callback: curlHeaderCallback)
    try handle.set(CURLOPT_HEADERDATA, pointer: context)
    try handle.set(CURLOPT_NOPROGRESS, 0)
    try handle.setProgress(curlProgressCallback)
    try handle.set(CURLOPT_XFERINFODATA, pointer: context)
  }
}

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer? {
  context.map { Unmanaged<CurlTransfer>.fromOpaque($0).takeUnretainedValue() }
}

private let curlWriteCallback: kubelab_curl_data_callback = { data, size, count, context in
  guard let transfer = transfer(context) else { return 0 }
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  return transfer.receiveBody(bytes) ? size * count : 0
}

private let curlHeaderCallback: kubelab_curl_data_callback = { data, size, count, context in
  guard let transfer = transfer(context) else { return 0 }
  transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
  return size * count
}

/// libcurl calls this often while data flows and about once a second while idle, which bounds
/// how long a cancelled request (or an idle watch) keeps running.
private let curlProgressCallback: kubelab_curl_xferinfo_callback = { context, _, _, _, _ in
  guard let transfer = transfer(context) else { return 1 }
  return transfer.cancellation.isCancelled ? 1 : 0
}
