import Foundation

extension Kubectl {
  /// Runs kubectl until `accept` takes its output or `seconds` pass; returns the last output. The
  /// default window is wide because a full test run loads two cores: it costs time only on failure.
  /// It sleeps with Task.sleep, so waiting never holds one of the few threads the suite runs on.
  @discardableResult
  public func poll(_ arguments: [String], seconds: TimeInterval = 90, until accept: (String) -> Bool) async throws
    -> String
  {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    var pause = 0.1
    while Date() < deadline {
      last = try await run(arguments).stdout
      if accept(last) { return last }
      // A condition poll: the state comes from controllers in another process, which no watch here
      // follows. Each look is a kubectl process (60 ms of CPU), so the pause grows to a second:
      // quick changes are seen at once, and a wait for a back-off or a restart costs few runs.
      try await Task.sleep(for: .seconds(pause))
      pause = min(1, pause * 1.5)
    }
    return last
  }
}
