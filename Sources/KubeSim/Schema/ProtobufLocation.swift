/// Where a field sits in the protobuf encoding of its type, from the `@…` suffix of a shape in
/// api-schema.json (see scripts/generate-api-schema.py).
public struct ProtobufLocation: Hashable, Sendable {
  /// Field numbers from the type's message down to the field: one number, or more when the field
  /// belongs to a message that JSON embeds inline (core.v1.Volume's `hostPath` is `[2, 1]`).
  public var path: [Int]
  /// A present zero value is kept (a Go pointer: `replicas: 0` differs from no replicas); other
  /// scalars at their zero value are left out, as the JSON encoding of the same object does.
  public var keepsZero: Bool
  /// The values are bytes, shown in JSON as base64 strings (Secret `data`, ConfigMap `binaryData`).
  public var isBytes: Bool

  public init(path: [Int], keepsZero: Bool = false, isBytes: Bool = false) {
    self.path = path
    self.keepsZero = keepsZero
    self.isBytes = isBytes
  }

  /// Reads `2.1`, `1*`, `2b`.
  init?(notation: Substring) {
    var numbers = notation
    isBytes = numbers.last == "b"
    if isBytes { numbers = numbers.dropLast() }
    keepsZero = numbers.last == "*"
    if keepsZero { numbers = numbers.dropLast() }
    var path: [Int] = []
    for part in numbers.split(separator: ".", omittingEmptySubsequences: false) {
      guard let number = Int(part), number > 0 else { return nil }
      path.append(number)
    }
    self.path = path
  }
}
