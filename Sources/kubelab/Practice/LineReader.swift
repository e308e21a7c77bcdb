import Foundation

/// Lines from stdin, read on a thread of their own: waiting for the learner must not hold one of
/// the few threads that grading and an in-process sandbox share. A line is read only when one is
/// asked for: between prompts nothing reads stdin, so a node shell started from the prompt (`ssh
/// NODE`) gets every line typed into it.
final class LineReader: Sendable {
  private let lines: AsyncStream<String>
  /// Signalled once per line asked for.
  private let demand = DispatchSemaphore(value: 0)
  /// Whether a person types the lines; when a script pipes them, they are echoed after the prompt
  /// so the transcript reads like a session.
  let interactive = isatty(STDIN_FILENO) != 0

  init() {
    let (stream, continuation) = AsyncStream.makeStream(of: String.self)
    lines = stream
    let demand = demand
    let thread = Thread {
      while true {
        demand.wait()
        guard let line = readLine(strippingNewline: true) else { break }
        continuation.yield(line)
      }
      continuation.finish()
    }
    thread.start()
  }

  /// Shows `prompt` and returns the next line; nil at the end of input.
  func next(prompt: String) async -> String? {
    print(prompt, terminator: "")
    PrintedOutput.flush()
    demand.signal()
    var iterator = lines.makeAsyncIterator()
    guard let line = await iterator.next() else {
      print("")
      return nil
    }
    if !interactive { print(line) }
    return line
  }
}
