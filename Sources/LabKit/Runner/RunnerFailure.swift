/// Why one piece of a step failed, in words; the runner adds which step it was.
struct RunnerFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
