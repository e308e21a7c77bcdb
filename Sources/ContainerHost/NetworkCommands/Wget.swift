import Foundation
import KubeSim

/// busybox's wget for http URLs: `-q`, `-O FILE` (`-` for stdout), `-T SEC`, `-S`, `--spider`,
/// `-U AGENT`, `--header`, with busybox's messages (`bad address`, `can't connect to remote host`,
/// `server returned error`, `download timed out`). Other schemes and options are busybox's own
/// wget, which has no network here.
struct Wget {
  let arguments: [String]

  static let longOptions = [
    "quiet": "q", "output-document": "O:", "timeout": "T:", "server-response": "S", "spider": "s",
    "user-agent": "U:", "header": "h:", "no-check-certificate": "n", "continue": "c", "proxy": "Y:",
  ]

  func run() -> Int32 {
    let options = BusyboxOptions(arguments, short: "qO:T:SU:cY:P:", long: Self.longOptions)
    let urls = options?.operands.compactMap(HTTPLocation.init) ?? []
    guard let options, !urls.isEmpty, urls.count == options.operands.count else {
      PodNetworkCommands.busybox("wget", arguments)
    }
    for url in urls {
      let status = fetch(url, options)
      if status != 0 { return status }
    }
    return 0
  }

  private func fetch(_ url: HTTPLocation, _ options: BusyboxOptions) -> Int32 {
    let quiet = options.has("q")
    let timeout = options.value("T").flatMap(Double.init)
    let client: PodNetworkClient
    do {
      client = try PodNetworkClient(
        PodNetworkClient.request(
          .connect, host: url.host, port: url.port, timeout: timeout ?? PodNetworkCommands.defaultTimeout))
    } catch {
      return PodNetworkCommands.fail("wget", "\(error)")
    }
    defer { close(client.socket) }
    let address = client.reply.address ?? url.host
    if client.reply.outcome != .unresolved && client.reply.outcome != .dnsTimedOut && !quiet {
      FileHandle.standardError.write(Data("Connecting to \(url.host) (\(address):\(url.port))\n".utf8))
    }
    switch client.reply.outcome {
    case .connected: break
    case .refused:
      return PodNetworkCommands.fail("wget", "can't connect to remote host (\(address)): Connection refused")
    case .timedOut:
      return PodNetworkCommands.fail(
        "wget",
        timeout == nil ? "can't connect to remote host (\(address)): Connection timed out" : "download timed out")
    case .unresolved, .dnsTimedOut, .answered: return PodNetworkCommands.fail("wget", "bad address '\(url.host)'")
    }
    var request = "GET \(url.path) HTTP/1.1\r\nHost: \(url.hostHeader)\r\n"
    request += "User-Agent: \(options.value("U") ?? "Wget")\r\n"
    if let header = options.value("h") { request += header + "\r\n" }
    request += "Connection: close\r\n\r\n"
    guard DescriptorWriter.writeAll(client.socket, Array(request.utf8), socket: true) else {
      return PodNetworkCommands.fail("wget", "error getting response: Connection reset by peer")
    }
    var response = HTTPResponseReader(socket: client.socket, timeout: timeout)
    guard let head = response.readHead() else {
      return PodNetworkCommands.fail("wget", response.timedOut ? "download timed out" : "error getting response")
    }
    if options.has("S") {
      FileHandle.standardError.write(Data(head.lines.map { "  \($0)\n" }.joined().utf8))
    }
    guard (200..<300).contains(head.status) else {
      return PodNetworkCommands.fail("wget", "server returned error: \(head.lines.first ?? "")")
    }
    if options.has("s") {
      if !quiet { FileHandle.standardError.write(Data("remote file exists\n".utf8)) }
      return 0
    }
    guard let body = response.readBody(head) else {
      return PodNetworkCommands.fail("wget", response.timedOut ? "download timed out" : "connection closed prematurely")
    }
    let folder = options.value("P").map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
    return save(body, url: url, output: options.value("O"), folder: folder, quiet: quiet)
  }

  /// Writes the body where `-O` says (stdout for `-`), or to the URL's file name in `folder`
  /// (`-P`), which busybox will not overwrite; then its progress lines unless quiet.
  private func save(_ body: [UInt8], url: HTTPLocation, output: String?, folder: String, quiet: Bool) -> Int32 {
    let name = output ?? folder + url.fileName
    let toStdout = name == "-"
    if !quiet {
      FileHandle.standardError.write(Data((toStdout ? "writing to stdout\n" : "saving to '\(name)'\n").utf8))
    }
    if toStdout {
      guard DescriptorWriter.writeAll(1, body) else { return 1 }
    } else {
      let flags = O_WRONLY | O_CREAT | O_TRUNC | (output == nil ? O_EXCL : 0)
      let file = open(name, flags, 0o666)
      guard file >= 0 else {
        return PodNetworkCommands.fail("wget", "can't open '\(name)': \(String(cString: strerror(errno)))")
      }
      defer { close(file) }
      guard DescriptorWriter.writeAll(file, body) else { return 1 }
    }
    if !quiet {
      let label = (toStdout ? "-" : (name as NSString).lastPathComponent).padding(
        toLength: 20, withPad: " ", startingAt: 0)
      let size = String(body.count)
      let progress =
        "\(label) 100% |\(String(repeating: "*", count: 32))| \(String(repeating: " ", count: max(0, 5 - size.count)))\(size)  0:00:00 ETA\n"
      FileHandle.standardError.write(Data((progress + (toStdout ? "written to stdout\n" : "'\(name)' saved\n")).utf8))
    }
    return 0
  }
}

/// An http URL as wget takes it (`http://` may be left out).
struct HTTPLocation {
  var host: String
  var port: Int
  var path: String
  var hasExplicitPort: Bool

  init?(_ text: String) {
    var rest = Substring(text)
    if let scheme = rest.range(of: "://") {
      guard rest[..<scheme.lowerBound].lowercased() == "http" else { return nil }
      rest = rest[scheme.upperBound...]
    }
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    path = String(rest.dropFirst(authority.count))
    if path.isEmpty { path = "/" } else if !path.hasPrefix("/") { path = "/" + path }
    let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
    guard let first = parts.first, !first.isEmpty, parts.count <= 2 else { return nil }
    host = String(first)
    hasExplicitPort = parts.count == 2
    guard let port = parts.count == 2 ? Int(parts[1]) : 80, (1...65535).contains(port) else { return nil }
    self.port = port
  }

  var hostHeader: String { hasExplicitPort ? "\(host):\(port)" : host }

  /// The local file name: the path's last part, or index.html.
  var fileName: String {
    let last = (path.split(separator: "?").first.map(String.init) ?? path).split(separator: "/").last
    return last.map(String.init) ?? "index.html"
  }
}
