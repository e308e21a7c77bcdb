/// The outcome of decoding one file: the model (best effort, present whenever the file's top level
/// was a mapping) and every problem found, so that one run reports them all.
public struct Decoded<Value: Sendable>: Sendable {
  public var value: Value?
  public var problems: [LabProblem]

  public init(value: Value?, problems: [LabProblem]) {
    self.value = value
    self.problems = problems
  }
}
