import KubeModel

/// A value read from a file together with where it was written, for problems found later (lint).
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var position: SourcePosition

  public init(_ value: Value, at position: SourcePosition) {
    self.value = value
    self.position = position
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
