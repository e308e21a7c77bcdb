import Foundation
import Testing

/// Connection reuse as HTTP/1.0 and 1.1 clients expect it, over a raw socket: an HTTP/1.0 client
/// (ApacheBench `-k`) waits for the close unless the answer says the connection stays open.
@Suite struct HTTPKeepAliveTests {
  static func request(_ version: String, connection: String? = nil, path: String = "/api/v1/namespaces/default")
    -> String
  {
    var request = "GET \(path) HTTP/\(version)\r\nHost: 127.0.0.1\r\n"
    if let connection { request += "Connection: \(connection)\r\n" }
    return request + "\r\n"
  }

  @Test func anHTTP10KeepAliveRequestIsAnsweredKeepAliveAndTheConnectionServesTheNext() throws {
    let server = try TestServer()
    let connection = try RawHTTPConnection(port: server.server.port)
    for _ in 0..<2 {
      try connection.send(Self.request("1.0", connection: "keep-alive"))
      let response = try connection.readResponse()
      #expect(response.statusLine == "HTTP/1.0 200 OK")
      #expect(response.headers["connection"]?.lowercased() == "keep-alive")
      #expect(response.body.contains("\"name\":\"default\""))
    }
  }

  @Test func anHTTP10RequestWithoutKeepAliveIsClosedAfterItsAnswer() throws {
    let server = try TestServer()
    let connection = try RawHTTPConnection(port: server.server.port)
    try connection.send(Self.request("1.0"))
    let response = try connection.readResponse()
    #expect(response.statusLine == "HTTP/1.0 200 OK")
    #expect(response.headers["connection"]?.lowercased() != "keep-alive")
    #expect(try connection.isClosedByServer())
  }

  @Test func anHTTP11ConnectionStaysOpenUnlessTheClientAsksToClose() throws {
    let server = try TestServer()
    let connection = try RawHTTPConnection(port: server.server.port)
    try connection.send(Self.request("1.1"))
    let first = try connection.readResponse()
    #expect(first.statusLine == "HTTP/1.1 200 OK")
    #expect(first.headers["connection"] == nil, "open is HTTP/1.1's default")
    try connection.send(Self.request("1.1", connection: "close"))
    let last = try connection.readResponse()
    #expect(last.headers["connection"] == "close")
    #expect(try connection.isClosedByServer())
  }

  @Test func pipelinedRequestsAreAnsweredInTheOrderTheyWereSent() throws {
    let server = try TestServer()
    let connection = try RawHTTPConnection(port: server.server.port)
    // A list, the longer to answer, then a health check: the answers are worked out off the event
    // loop, and the second must still not overtake the first.
    try connection.send(Self.request("1.1", path: "/api/v1/namespaces") + Self.request("1.1", path: "/healthz"))
    #expect(try connection.readResponse().body.contains("\"kind\":\"NamespaceList\""))
    #expect(try connection.readResponse().body == "ok")
  }
}
