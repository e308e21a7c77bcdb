/// The endpoint's `server`, split into what libcurl needs: where to connect, which name the
/// certificate must carry, and the path prefix every API path goes below.
struct ServerURL: Sendable {
  var scheme: String
  /// The host as written, IPv6 literals without brackets.
  var host: String
  var port: Int
  /// e.g. `/k8s/clusters/c-1` for a server behind a path-routing proxy; empty otherwise.
  var pathPrefix: String

  init(parsing server: String) throws {
    guard let schemeEnd = server.range(of: "://") else {
      throw KubeClientError.invalidConfiguration("the server \"\(server)\" is not a URL (expected https://host:port)")
    }
    scheme = server[..<schemeEnd.lowerBound].lowercased()
    guard scheme == "https" || scheme == "http" else {
      throw KubeClientError.invalidConfiguration("the server \"\(server)\" must use https or http")
    }
    let rest = server[schemeEnd.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    var prefix = String(rest.dropFirst(authority.count).prefix { $0 != "?" })
    while prefix.hasSuffix("/") { prefix.removeLast() }
    pathPrefix = prefix
    var portText: Substring?
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      portText = authority[authority.index(after: colon)...]
    } else {
      host = String(authority)
    }
    guard !host.isEmpty else {
      throw KubeClientError.invalidConfiguration("the server \"\(server)\" has no host")
    }
    if let portText {
      guard let parsed = Int(portText), (1...65535).contains(parsed) else {
        throw KubeClientError.invalidConfiguration("the server \"\(server)\" has an invalid port")
      }
      port = parsed
    } else {
      port = scheme == "https" ? 443 : 80
    }
  }

  /// `host:port`, bracketing IPv6 literals, as URLs and `Host` headers write it.
  static func authority(host: String, port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  var authority: String { Self.authority(host: host, port: port) }

  /// The URL of an API path. With a TLS server name, the URL names that host (so libcurl sends it
  /// as SNI and checks the certificate against it) and `connectTo` routes the socket to the real
  /// address.
  func url(for path: String, tlsServerName: String?) -> String {
    "\(scheme)://\(Self.authority(host: tlsServerName ?? host, port: port))\(pathPrefix)\(path)"
  }

  /// A CURLOPT_CONNECT_TO entry sending connections for `name` to this server's address.
  func connectTo(name: String) -> String {
    "\(name):\(port):\(authority)"
  }
}
