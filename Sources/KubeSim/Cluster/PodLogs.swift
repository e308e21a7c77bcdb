import Foundation
import Synchronization

/// What each container has written to its log, kept per pod uid and container name: the current
/// run and the one before it (`kubectl logs --previous`), each line with the time it was written,
/// and the followers (`kubectl logs -f`) that hear new output until the run ends.
public final class PodLogs: Sendable {
  public struct Line: Sendable {
    public var time: Date
    public var text: String
  }

  /// One run of a container: its lines, and whether its process has ended.
  struct Run {
    var lines: [Line] = []
    var ended = false
  }

  /// What a request asks for: the previous run, lines since a time, timestamps before each line.
  public struct Query: Sendable {
    public var previous = false
    public var since: Date?
    public var timestamps = false

    public init(previous: Bool = false, since: Date? = nil, timestamps: Bool = false) {
      self.previous = previous
      self.since = since
      self.timestamps = timestamps
    }
  }

  private struct Follower {
    var send: @Sendable (String) -> Void
    var finish: @Sendable () -> Void
    var timestamps: Bool
  }

  /// Every container's runs and followers, by `podUID/container`.
  private struct Logs {
    var current: [String: Run] = [:]
    var previous: [String: Run] = [:]
    var followers: [String: [Int: Follower]] = [:]
    var nextFollower = 0
  }

  private let logs = Mutex(Logs())

  public init() {}

  private func key(_ podUID: String, _ container: String) -> String { "\(podUID)/\(container)" }

  /// A new run of the container begins: the run before becomes the previous one.
  public func begin(podUID: String, container: String) {
    let key = key(podUID, container)
    logs.withLock { logs in
      if let run = logs.current[key] { logs.previous[key] = run }
      logs.current[key] = Run()
    }
  }

  /// Adds output to the container's current run, line by line as the runtime timestamps it.
  public func append(_ text: String, podUID: String, container: String, at time: Date = Date()) {
    let key = key(podUID, container)
    let listeners = logs.withLock { logs -> [Follower] in
      var run = logs.current[key] ?? Run()
      for piece in Self.lines(text) { run.lines.append(Line(time: time, text: piece)) }
      logs.current[key] = run
      return Array((logs.followers[key] ?? [:]).values)
    }
    for listener in listeners {
      listener.send(Self.lines(text).map { Self.render(Line(time: time, text: $0), listener.timestamps) }.joined())
    }
  }

  /// The current run has ended: its followers are told, as `kubectl logs -f` returns when the
  /// container exits.
  public func end(podUID: String, container: String) {
    let key = key(podUID, container)
    let listeners = logs.withLock { logs -> [Follower] in
      logs.current[key, default: Run()].ended = true
      return Array((logs.followers.removeValue(forKey: key) ?? [:]).values)
    }
    for listener in listeners { listener.finish() }
  }

  public func text(podUID: String, container: String, _ query: Query = Query()) -> String {
    let key = key(podUID, container)
    return logs.withLock { logs in Self.render(query.previous ? logs.previous[key] : logs.current[key], query) }
  }

  /// Whether the container has a run before the current one.
  public func hasPrevious(podUID: String, container: String) -> Bool {
    let key = key(podUID, container)
    return logs.withLock { $0.previous[key] != nil }
  }

  /// Sends the current run's text so far and then every new line, until the run ends (`finish`)
  /// or `stopFollowing` is called with the returned id.
  public func follow(
    podUID: String, container: String, _ query: Query, send: @escaping @Sendable (String) -> Void,
    finish: @escaping @Sendable () -> Void
  ) -> Int {
    let key = key(podUID, container)
    let (id, text, ended) = logs.withLock { logs -> (Int, String, Bool) in
      logs.nextFollower += 1
      let run = logs.current[key]
      if run?.ended != true {
        logs.followers[key, default: [:]][logs.nextFollower] = Follower(
          send: send, finish: finish, timestamps: query.timestamps)
      }
      return (logs.nextFollower, Self.render(run, query), run?.ended ?? false)
    }
    if !text.isEmpty { send(text) }
    if ended { finish() }
    return id
  }

  public func stopFollowing(_ id: Int) {
    logs.withLock { logs in
      for key in logs.followers.keys { logs.followers[key]?[id] = nil }
    }
  }

  private static func render(_ run: Run?, _ query: Query) -> String {
    (run?.lines ?? []).filter { line in query.since.map { line.time >= $0 } ?? true }.map {
      render($0, query.timestamps)
    }.joined()
  }

  /// A line as the kubelet serves it, with its RFC 3339 time in nanoseconds when asked for.
  private static func render(_ line: Line, _ timestamps: Bool) -> String {
    guard timestamps else { return line.text }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let millis = formatter.string(from: line.time).dropLast()  // "…T12:00:00.123Z" without the Z
    let nanos = String(
      format: "%06d",
      Int(
        (line.time.timeIntervalSince1970 * 1_000_000_000).truncatingRemainder(
          dividingBy: 1_000_000)))
    return "\(millis)\(nanos)Z \(line.text)"
  }

  /// Splits output into lines that keep their newline; a last partial line stays as it is.
  private static func lines(_ text: String) -> [String] {
    var pieces: [String] = []
    var rest = Substring(text)
    while let newline = rest.firstIndex(of: "\n") {
      pieces.append(String(rest[...newline]))
      rest = rest[rest.index(after: newline)...]
    }
    if !rest.isEmpty { pieces.append(String(rest)) }
    return pieces
  }
}
