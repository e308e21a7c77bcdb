import CCurl
import Foundation

/// One libcurl easy handle. libcurl keeps its connection cache, DNS cache and TLS sessions in the
/// handle, so a client that reuses one handle reuses its kept-alive connection.
final class CurlEasyHandle {
  let raw: UnsafeMutableRawPointer

  /// Initialises libcurl's global state once per process, before the first handle; libcurl
  /// requires this to happen before other threads use it.
  private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

  init() throws {
    _ = Self.globalInit
    guard let raw = curl_easy_init() else {
      throw KubeClientError.transport(server: "", detail: "libcurl could not create a handle")
    }
    self.raw = raw
  }

  deinit { curl_easy_cleanup(raw) }

  /// Clears the previous request's options; connections and caches stay.
  func reset() { curl_easy_reset(raw) }

  func set(_ option: CURLoption, _ value: Int) throws {
    try check(kubelab_curl_setopt_long(raw, option, value), option)
  }

  /// libcurl copies string options, so the Swift string need not outlive the call.
  func set(_ option: CURLoption, _ value: String?) throws {
    guard let value else {
      try check(kubelab_curl_setopt_string(raw, option, nil), option)
      return
    }
    try value.withCString { try check(kubelab_curl_setopt_string(raw, option, $0), option) }
  }

  func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
    try check(kubelab_curl_setopt_pointer(raw, option, pointer), option)
  }

  /// Passes bytes in memory with CURL_BLOB_COPY: libcurl keeps its own copy, and key material
  /// never goes through a file.
  func set(_ option: CURLoption, blob: Data) throws {
    try blob.withUnsafeBytes { bytes in
      var value = curl_blob(
        data: UnsafeMutableRawPointer(mutating: bytes.baseAddress), len: bytes.count, flags: UInt32(CURL_BLOB_COPY))
      try check(kubelab_curl_setopt_blob(raw, option, &value), option)
    }
  }

  func set(_ option: CURLoption, callback: kubelab_curl_data_callback) throws {
    try check(kubelab_curl_setopt_data_callback(raw, option, callback), option)
  }

  func setProgress(_ callback: kubelab_curl_xferinfo_callback) throws {
    try check(kubelab_curl_setopt_xferinfo_callback(raw, callback), CURLOPT_XFERINFOFUNCTION)
  }

  func info(_ info: CURLINFO) -> Int {
    var value = 0
    _ = kubelab_curl_getinfo_long(raw, info, &value)
    return value
  }

  func perform() -> CURLcode { curl_easy_perform(raw) }

  private func check(_ code: CURLcode, _ option: CURLoption) throws {
    guard code != CURLE_OK else { return }
    let text = String(cString: curl_easy_strerror(code))
    throw KubeClientError.transport(server: "", detail: "libcurl rejected option \(option.rawValue): \(text)")
  }
}
