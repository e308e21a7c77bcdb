import Foundation

/// Times N sequential GETs of one path over one client, for benchmark scripts: how fast a
/// grading pass's reads are, and whether they share one kept-alive connection.
public enum SequentialGetBenchmark {
  public struct Result: Sendable, CustomStringConvertible {
    public var requests: Int
    public var seconds: Double
    /// New TCP connections the client opened during the run (1 when keep-alive works from cold).
    public var connectionsOpened: Int

    public var millisecondsPerRequest: Double { requests == 0 ? 0 : seconds * 1000 / Double(requests) }

    public var description: String {
      "\(requests) GETs in \(String(format: "%.3f", seconds)) s "
        + "(\(String(format: "%.2f", millisecondsPerRequest)) ms each), \(connectionsOpened) new connection(s)"
    }
  }

  public static func run(client: KubeClient, path: String = "/api/v1/namespaces/default/pods", count: Int)
    async throws -> Result
  {
    var opened = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<max(0, count) {
      opened += try await client.transport.send(TransportRequest(method: "GET", path: path)).connectionsOpened
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Result(requests: max(0, count), seconds: seconds, connectionsOpened: opened)
  }
}
