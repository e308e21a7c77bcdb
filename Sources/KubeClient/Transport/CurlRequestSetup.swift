import CCurl
import Foundation

/// Turns one request attempt into libcurl options: URL and method, body, headers, timeouts,
/// TLS trust and client credentials, proxy. Credentials go in as headers and in-memory blobs.
struct CurlRequestSetup {
  var request: TransportRequest
  var server: ServerURL
  var endpoint: ClusterEndpoint
  var options: ClientOptions
  var credentials: [Credential]

  /// Applies the options; the returned lists must outlive the transfer.
  func apply(to handle: CurlEasyHandle) throws -> [CurlStringList] {
    try handle.set(CURLOPT_URL, server.url(for: request.path, tlsServerName: endpoint.tlsServerName))
    try handle.set(CURLOPT_NOSIGNAL, 1)  // timeouts must not use signals in a threaded process
    try handle.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
    try handle.set(CURLOPT_TCP_KEEPALIVE, 1)
    try handle.set(CURLOPT_USERAGENT, options.userAgent)
    try handle.set(CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
    if !request.isStreaming, let timeout = options.requestTimeout {
      try handle.set(CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
    }
    try applyMethod(to: handle)
    try applyTLS(to: handle)
    if let proxy = endpoint.proxyURL { try handle.set(CURLOPT_PROXY, proxy) }

    var lists: [CurlStringList] = []
    if let name = endpoint.tlsServerName {
      let connectTo = CurlStringList([server.connectTo(name: name)])
      try handle.set(CURLOPT_CONNECT_TO, pointer: UnsafeMutableRawPointer(connectTo.raw))
      lists.append(connectTo)
    }
    let headers = CurlStringList(headerLines())
    try handle.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headers.raw))
    lists.append(headers)
    return lists
  }

  private func applyMethod(to handle: CurlEasyHandle) throws {
    switch request.method {
    case "GET": try handle.set(CURLOPT_HTTPGET, 1)
    case "HEAD": try handle.set(CURLOPT_NOBODY, 1)
    default: try handle.set(CURLOPT_CUSTOMREQUEST, request.method)
    }
    if let body = request.body {
      try handle.set(CURLOPT_POSTFIELDSIZE, body.count)
      try body.withUnsafeBytes { bytes in
        // libcurl copies exactly POSTFIELDSIZE bytes here; an empty body needs a valid pointer.
        guard let base = bytes.baseAddress else { return try handle.set(CURLOPT_COPYPOSTFIELDS, "") }
        try handle.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: base))
      }
    }
  }

  private func applyTLS(to handle: CurlEasyHandle) throws {
    if endpoint.insecureSkipTLSVerify {
      try handle.set(CURLOPT_SSL_VERIFYPEER, 0)
      try handle.set(CURLOPT_SSL_VERIFYHOST, 0)
    } else if let ca = endpoint.certificateAuthorityPEM {
      // As kubectl does, a cluster's own CA replaces the system's trust store.
      try handle.set(CURLOPT_CAINFO_BLOB, blob: ca)
      try handle.set(CURLOPT_CAPATH, nil)
    }
    for case .clientCertificate(let certificate, let key) in credentials {
      try handle.set(CURLOPT_SSLCERTTYPE, "PEM")
      try handle.set(CURLOPT_SSLCERT_BLOB, blob: certificate)
      try handle.set(CURLOPT_SSLKEYTYPE, "PEM")
      try handle.set(CURLOPT_SSLKEY_BLOB, blob: key)
    }
  }

  private func headerLines() -> [String] {
    var lines = ["Expect:"]  // no 100-continue round trip before bodies
    if !request.headers.contains(where: { $0.name.lowercased() == "accept" }) {
      lines.append("Accept: application/json")
    }
    if endpoint.tlsServerName != nil { lines.append("Host: \(server.authority)") }
    for case .bearerToken(let token) in credentials { lines.append("Authorization: Bearer \(token)") }
    lines += request.headers.map { "\($0.name): \($0.value)" }
    return lines
  }
}
